import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP } from './support/rules';

export const rbacServiceAccountTokenCreate = roleGrantCheck(
  {
    id: 'rbac-service-account-token-create',
    title: 'Role can create service account tokens',
    rationale:
      'create on serviceaccounts/token issues a fresh token for a service account, with every permission bound ' +
      'to it and a lifetime the caller chooses within the server limit. A subject with it can become any service ' +
      'account in scope, including controllers far more privileged than itself.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authentication, Principle.LeastPrivilege],
    references: {
      cis: ['5.1.13'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1528'],
      kubescape: ['C-0282'],
    },
    remediation: {
      text:
        'Remove create on serviceaccounts/token from roles that do not issue tokens: pods receive their own ' +
        'token through the projected service account volume without it.',
      patch: [
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [serviceaccounts]',
        '    verbs: [get, list]',
      ].join('\n'),
    },
  },
  [{ verbs: ['create'], group: CORE_GROUP, resources: ['serviceaccounts/token'] }],
  ': its subjects can obtain tokens acting as those service accounts',
);
