import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';

export const rbacWebhookConfigWrite = roleGrantCheck(
  {
    id: 'rbac-webhook-config-write',
    title: 'Role can change admission webhook configurations',
    rationale:
      'Admission webhooks see every object they match, and mutating ones rewrite it. Whoever can create or change ' +
      'a webhook configuration can send all new pods and secrets to a server of their choosing, inject ' +
      'containers, or delete the policy webhooks that enforce the cluster rules.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Admission, Principle.Authorization],
    references: {
      cis: ['5.1.12'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1562.001'],
      kubescape: ['C-0281'],
    },
    remediation: {
      text:
        'Keep write access to webhook configurations for cluster administrators and the admission controllers ' +
        'that own them; give everyone else read access at most.',
      patch: [
        'rules:',
        '  - apiGroups: [admissionregistration.k8s.io]',
        '    resources: [validatingwebhookconfigurations]',
        '    verbs: [get, list, watch]',
      ].join('\n'),
    },
  },
  [
    {
      verbs: ['create', 'update', 'patch', 'delete'],
      group: 'admissionregistration.k8s.io',
      resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
    },
  ],
  ': its subjects can intercept, rewrite or switch off admission of every object',
);
