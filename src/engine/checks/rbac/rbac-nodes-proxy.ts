import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { CORE_GROUP } from './support/rules';

export const rbacNodesProxy = roleGrantCheck(
  {
    id: 'rbac-nodes-proxy',
    title: 'Role can reach the kubelet API through nodes/proxy',
    rationale:
      'nodes/proxy forwards requests to the kubelet API of a node, which can list pods and run commands in any ' +
      'container on it. Those calls skip admission control, and the API server audit log records only the proxy ' +
      'request, not what was run.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.LeastPrivilege, Principle.Auditing],
    references: {
      cis: ['5.1.10'],
      nsa: ['authn-authz/rbac'],
      mitre: ['T1609'],
      kubescape: ['C-0279'],
    },
    remediation: {
      text: 'Remove nodes/proxy. Monitoring agents can read node metrics through nodes/metrics and nodes/stats instead.',
      patch: [
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [nodes/metrics, nodes/stats]',
        '    verbs: [get]',
      ].join('\n'),
    },
  },
  [{ verbs: ['get', 'create'], group: CORE_GROUP, resources: ['nodes/proxy'] }],
  ': its subjects can call the kubelet API, including exec into any container on the node, unaudited',
);
