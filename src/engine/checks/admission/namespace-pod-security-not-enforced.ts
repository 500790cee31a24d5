import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { enforceLabelOf, isUserNamespace, PSA_ENFORCE_LABEL, PSA_ENFORCE_PATH, PSA_LEVELS } from './support';

export const namespacePodSecurityNotEnforced = objectCheck(
  {
    id: 'namespace-pod-security-not-enforced',
    title: 'Namespace does not enforce a Pod Security level',
    rationale:
      'Without an enforce label, Pod Security Admission only applies the cluster default, which is `privileged` ' +
      'unless the API server was configured otherwise: anyone who may create pods in the namespace can run ' +
      'privileged containers, share host namespaces or mount the host filesystem.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Deploy,
    principles: [Principle.Admission],
    references: {
      cis: ['5.2.1'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1610'],
      kubescape: ['C-0192'],
    },
    remediation: {
      text:
        'Label the namespace with the strictest Pod Security Standard its workloads pass (`restricted` where ' +
        'possible, else `baseline`); try it first with the `warn` and `audit` labels.',
      patch: [
        'metadata:',
        '  labels:',
        `    ${PSA_ENFORCE_LABEL}: restricted`,
        '    pod-security.kubernetes.io/enforce-version: latest',
      ].join('\n'),
    },
  },
  { kinds: ['Namespace'], filter: isUserNamespace },
  (namespace) => {
    const level = enforceLabelOf(namespace);
    const name = namespace.metadata.name ?? '';
    if (level === undefined || level === null) {
      return {
        message:
          `Namespace ${name} has no ${PSA_ENFORCE_LABEL} label: ` +
          'only the cluster default Pod Security level applies',
        path: PSA_ENFORCE_PATH,
      };
    }
    if (typeof level !== 'string' || !PSA_LEVELS.includes(level)) {
      return {
        message:
          `Namespace ${name} sets ${PSA_ENFORCE_LABEL} to ${JSON.stringify(level)}, ` +
          'which is not a Pod Security level (privileged, baseline or restricted)',
        path: PSA_ENFORCE_PATH,
        value: level,
      };
    }
    return undefined;
  },
);
