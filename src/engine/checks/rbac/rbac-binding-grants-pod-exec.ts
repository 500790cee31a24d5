import type { Inventory } from '../../inventory/inventory';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  bindingLabel,
  bindingScope,
  type EffectiveBinding,
  roleBindingCheck,
  roleRefLabel,
} from './support/bindings';
import { resolveRole } from './support/roles';
import { describeGrants, grantsIn, POD_EXEC_PERMISSIONS } from './support/rules';
import { describeSubjects } from './support/subjects';

/** What the binding's role grants on pods/exec and pods/attach, or why that cannot be known. */
function execGrant(inventory: Inventory, { binding, ref }: EffectiveBinding): string | undefined {
  const resolution = resolveRole(inventory, binding, ref);
  switch (resolution.status) {
    case 'found':
    case 'built-in': {
      const grants = grantsIn(resolution.rules, POD_EXEC_PERMISSIONS);
      return grants.length > 0 ? `it allows ${describeGrants(grants)}` : undefined;
    }
    case 'missing':
      return 'that role does not exist, so the grant cannot be verified (whoever creates it decides whether exec is granted)';
    case 'platform':
      return undefined;
  }
}

export const rbacBindingGrantsPodExec = roleBindingCheck(
  {
    id: 'rbac-binding-grants-pod-exec',
    title: 'Binding lets subjects exec or attach into pods',
    rationale:
      'A binding to a role with pods/exec or pods/attach lets its subjects run commands in running containers, ' +
      'with their tokens and secrets, outside what the API audit log records. A binding to a role that does not ' +
      'exist cannot be shown to be safe: the subjects receive whatever a role later created under that name holds.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.LeastPrivilege],
    references: {
      nsa: ['authn-authz/rbac'],
      mitre: ['T1609'],
      polaris: [
        'clusterrolebindingPodExecAttach',
        'rolebindingClusterRolePodExecAttach',
        'rolebindingRolePodExecAttach',
      ],
      kubescape: ['C-0002'],
    },
    remediation: {
      text:
        'Bind a role without pods/exec and pods/attach (for example view), and grant interactive access only ' +
        'temporarily, to named people, in the namespaces that need it. Point bindings only at roles that exist.',
      patch: [
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
      ].join('\n'),
    },
  },
  (grant, inventory) => {
    const exec = execGrant(inventory, grant);
    if (!exec) {
      return undefined;
    }
    const { binding, ref, grantees } = grant;
    return (
      `${bindingLabel(binding)} gives ${describeSubjects(grantees)} ${roleRefLabel(ref)} ` +
      `${bindingScope(binding)}: ${exec}`
    );
  },
);
