import { objectCheck, type Violation } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  BINDING_KINDS,
  bindingLabel,
  isDefaultClusterAdminBinding,
  isPlatformBinding,
  roleRefOf,
} from './support/bindings';
import { isSystemMastersGroup, subjectsOf } from './support/subjects';

export const rbacSystemMastersBinding = objectCheck(
  {
    id: 'rbac-system-masters-binding',
    title: 'Binding names the system:masters group',
    rationale:
      'Members of system:masters bypass authorization altogether, so a binding to that group grants nothing and ' +
      'removing it takes nothing away. Such a binding misleads reviewers into thinking RBAC controls those ' +
      'members, and usually means credentials were issued in that group instead of being given a revocable role.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.Auditing],
    references: {
      cis: ['5.1.7'],
      nsa: ['authn-authz/rbac'],
      kubescape: ['C-0246'],
    },
    remediation: {
      text:
        'Remove system:masters from the binding; issue administrators credentials in an ordinary group bound to ' +
        'the role they need, so the access can be reviewed and revoked.',
      patch: [
        'subjects:',
        '  - apiGroup: rbac.authorization.k8s.io',
        '    kind: Group',
        '    name: cluster-operators',
      ].join('\n'),
    },
  },
  { kinds: BINDING_KINDS },
  (binding) => {
    if (isPlatformBinding(binding) || isDefaultClusterAdminBinding(binding, roleRefOf(binding))) {
      return undefined;
    }
    const violations: Violation[] = subjectsOf(binding)
      .filter(isSystemMastersGroup)
      .map((subject) => ({
        message:
          `${bindingLabel(binding)} binds Group system:masters, whose members bypass RBAC: ` +
          'the binding grants nothing and cannot restrict them',
        path: subject.path,
        value: subject.raw,
      }));
    return violations;
  },
);
