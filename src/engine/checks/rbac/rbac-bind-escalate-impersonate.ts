import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP, RBAC_GROUP } from './support/rules';

export const rbacBindEscalateImpersonate = roleGrantCheck(
  {
    id: 'rbac-bind-escalate-impersonate',
    title: 'Role can bind, escalate or impersonate',
    rationale:
      'RBAC stops subjects from granting permissions they do not hold, except through three verbs: bind lets a ' +
      'subject bind any role, escalate lets it write any rule into a role, and impersonate lets it act as another ' +
      'user, group or service account. Each is a direct path to cluster-admin.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.LeastPrivilege],
    references: {
      cis: ['5.1.8'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1098.006'],
      kubescape: ['C-0191', 'C-0065'],
    },
    remediation: {
      text:
        'Remove bind, escalate and impersonate. Where a controller must create bindings, allow bind only on the ' +
        'roles it hands out, named with resourceNames.',
      patch: [
        'rules:',
        '  - apiGroups: [rbac.authorization.k8s.io]',
        '    resources: [clusterroles]',
        '    resourceNames: [app-reader]',
        '    verbs: [bind]',
      ].join('\n'),
    },
  },
  [
    // bind limited to named roles is the documented way to delegate granting those roles only.
    { verbs: ['bind'], group: RBAC_GROUP, resources: ['roles', 'clusterroles'], ignoreNameRestricted: true },
    { verbs: ['escalate'], group: RBAC_GROUP, resources: ['roles', 'clusterroles'] },
    { verbs: ['impersonate'], group: CORE_GROUP, resources: ['users', 'groups', 'serviceaccounts'] },
  ],
  ': its subjects can give themselves permissions they were never granted',
);
