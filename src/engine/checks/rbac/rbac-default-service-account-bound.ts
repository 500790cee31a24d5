import { Layer, Phase, Principle, Severity } from '../../model';
import { bindingSubjectCheck } from './support/bindings';

export const rbacDefaultServiceAccountBound = bindingSubjectCheck(
  {
    id: 'rbac-default-service-account-bound',
    title: 'Binding grants a role to a default service account',
    rationale:
      'Every pod that names no service account runs as its namespace default one. A role bound to it is ' +
      'therefore held by every such pod, present and future, including ones that never needed API access, and ' +
      'the grant cannot be traced to the workload it was meant for.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authorization],
    references: {
      cis: ['5.1.5'],
      nsa: ['authn-authz/rbac', 'pod-security/service-account-tokens'],
      mitre: ['T1078.001'],
      kubescape: ['C-0189'],
    },
    remediation: {
      text:
        'Create a dedicated service account for the workload that needs the role, bind the role to it, and set ' +
        'serviceAccountName in that workload.',
      patch: [
        'subjects:',
        '  - kind: ServiceAccount',
        '    name: inventory-sync',
        '    namespace: shop',
      ].join('\n'),
    },
  },
  (subject, binding) => {
    if (subject.kind !== 'ServiceAccount' || subject.name !== 'default') {
      return undefined;
    }
    // In a RoleBinding a service account subject without namespace is the binding's own.
    const namespace =
      subject.namespace ?? (binding.kind === 'RoleBinding' ? binding.metadata.namespace : undefined);
    return {
      subject: `ServiceAccount ${namespace ? `${namespace}/default` : 'default'}`,
      consequence: `every pod ${namespace ? `in ${namespace} ` : ''}without its own service account holds it`,
      detail: `default@${namespace ?? ''}`,
    };
  },
);
