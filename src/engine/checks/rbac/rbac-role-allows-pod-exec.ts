import { Layer, Phase, Principle, Severity } from '../../model';
import { roleGrantCheck } from './support/roles';
import { POD_EXEC_PERMISSIONS } from './support/rules';

export const rbacRoleAllowsPodExec = roleGrantCheck(
  {
    id: 'rbac-role-allows-pod-exec',
    title: 'Role allows exec or attach into pods',
    rationale:
      'pods/exec and pods/attach open a shell or a stream inside a running container, with its service account ' +
      'token, mounted secrets and network position, and what is typed there escapes the API audit trail. ' +
      'Whoever is bound to such a role holds every workload it reaches.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.LeastPrivilege],
    references: {
      nsa: ['authn-authz/rbac'],
      mitre: ['T1609'],
      polaris: ['clusterrolePodExecAttach', 'rolePodExecAttach'],
    },
    remediation: {
      text:
        'Remove pods/exec and pods/attach (and wildcards that cover them) from the role; give interactive access ' +
        'through a separate, time-limited role bound only when needed.',
      patch: [
        'rules:',
        '  - apiGroups: [""]',
        '    resources: [pods, pods/log]',
        '    verbs: [get, list, watch]',
      ].join('\n'),
    },
  },
  POD_EXEC_PERMISSIONS,
  ': its subjects can run commands inside running containers',
);
