import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP } from './support/rules';

export const rbacSecretsRead = roleGrantCheck(
  {
    id: 'rbac-secrets-read',
    title: 'Role can read secrets',
    rationale:
      'Secrets hold service account tokens, registry credentials and application passwords. get on secrets ' +
      'reveals any secret whose name is known, and list or watch return the values of every secret in scope at ' +
      'once, so a role with this access turns one compromised subject into many credentials.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authorization],
    references: {
      cis: ['5.1.2'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1552.007'],
      kubescape: ['C-0015', 'C-0186'],
    },
    remediation: {
      text:
        'Remove get, list and watch on secrets; where a workload must read a secret, mount it, or grant get on ' +
        'that secret alone with resourceNames.',
      patch: [
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [secrets]',
        '    resourceNames: [app-config]',
        '    verbs: [get]',
      ].join('\n'),
    },
  },
  // A rule limited to named secrets is the least-privilege form of this grant.
  [
    {
      verbs: ['get', 'list', 'watch'],
      group: CORE_GROUP,
      resources: ['secrets'],
      ignoreNameRestricted: true,
    },
  ],
  ': list and watch return every secret value in scope, get any secret whose name is known',
);
