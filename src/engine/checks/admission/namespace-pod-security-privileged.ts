import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { enforceLabelOf, isUserNamespace, PSA_ENFORCE_LABEL, PSA_ENFORCE_PATH } from './support';

export const namespacePodSecurityPrivileged = objectCheck(
  {
    id: 'namespace-pod-security-privileged',
    title: 'Namespace enforces the privileged Pod Security level',
    rationale:
      'The `privileged` level turns Pod Security Admission off for the namespace on purpose: privileged ' +
      'containers, host namespaces, hostPath mounts and added capabilities are all admitted, so whoever can ' +
      'create a pod there can take over the node it lands on.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.Admission, Principle.Isolation],
    references: {
      cis: ['5.2.1'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1610', 'T1611'],
      kubescape: ['C-0192'],
    },
    remediation: {
      text:
        'Enforce `baseline` or `restricted`. Move the few workloads that really need host access (CNI, storage ' +
        'or monitoring agents) to a dedicated namespace whose access is tightly restricted.',
      patch: ['metadata:', '  labels:', `    ${PSA_ENFORCE_LABEL}: baseline`].join('\n'),
    },
  },
  { kinds: ['Namespace'], filter: isUserNamespace },
  (namespace) => {
    const level = enforceLabelOf(namespace);
    if (level !== 'privileged') {
      return undefined;
    }
    return {
      message:
        `Namespace ${namespace.metadata.name ?? ''} enforces the privileged Pod Security level: ` +
        'any pod is admitted',
      path: PSA_ENFORCE_PATH,
      value: level,
    };
  },
);
