import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { DEFAULT_SERVICE_ACCOUNT } from './support';

export const defaultServiceAccountAutomounts = objectCheck(
  {
    id: 'default-service-account-automounts',
    title: 'Default ServiceAccount hands its token to pods',
    rationale:
      'Kubernetes creates a `default` ServiceAccount in every namespace and gives its token to every pod that does ' +
      'not opt out. Disabling automounting on it means a pod only holds an API credential when someone decided it ' +
      'needs one.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authentication],
    references: {
      cis: ['5.1.5'],
      nsa: ['pod-security/service-account-tokens'],
      mitre: ['T1078.001', 'T1528'],
      kubescape: ['C-0034', 'C-0189'],
    },
    remediation: {
      text:
        'Set `automountServiceAccountToken: false` on the `default` ServiceAccount of each namespace; workloads ' +
        'that need the API get their own ServiceAccount.',
      patch: 'automountServiceAccountToken: false',
    },
  },
  { kinds: ['ServiceAccount'], filter: (account) => account.metadata.name === DEFAULT_SERVICE_ACCOUNT },
  (account) => {
    const setting = account['automountServiceAccountToken'];
    if (setting === false) {
      return undefined;
    }
    const namespace = account.metadata.namespace ?? '(no namespace)';
    return {
      message:
        setting === true
          ? `The default ServiceAccount of namespace ${namespace} enables token automounting`
          : `The default ServiceAccount of namespace ${namespace} does not disable token automounting`,
      path: 'automountServiceAccountToken',
      ...(setting !== undefined && { value: setting }),
    };
  },
);
