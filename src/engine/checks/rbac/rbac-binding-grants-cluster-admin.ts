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
import { grantsFullAccess } from './support/rules';
import { describeSubjects } from './support/subjects';

/** Why the referenced role is full access, or undefined when it is not (or cannot be read). */
function fullAccessReason(inventory: Inventory, { binding, ref }: EffectiveBinding): string | undefined {
  if (ref.kind === 'ClusterRole' && ref.name === 'cluster-admin') {
    return 'cluster-admin';
  }
  const resolution = resolveRole(inventory, binding, ref);
  if (
    (resolution.status === 'found' || resolution.status === 'built-in') &&
    grantsFullAccess(resolution.rules)
  ) {
    return `${roleRefLabel(ref)} (every verb on every resource)`;
  }
  return undefined;
}

export const rbacBindingGrantsClusterAdmin = roleBindingCheck(
  {
    id: 'rbac-binding-grants-cluster-admin',
    title: 'Binding grants cluster-admin or full wildcard access',
    rationale:
      'A subject holding cluster-admin, or a role allowing every verb on every resource, controls everything the ' +
      'binding reaches: it can read every secret, run any pod and grant itself anything else. A stolen token or ' +
      'compromised workload behind such a binding is a compromised cluster (or namespace, for a RoleBinding).',
    severity: Severity.Critical,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.Authorization, Principle.LeastPrivilege],
    references: {
      cis: ['5.1.1'],
      nsa: ['authn-authz/rbac'],
      polaris: [
        'clusterrolebindingClusterAdmin',
        'rolebindingClusterAdminClusterRole',
        'rolebindingClusterAdminRole',
      ],
      kubescape: ['C-0035', 'C-0185'],
    },
    remediation: {
      text:
        'Bind a role that lists only the resources and verbs the subject needs, in the namespaces it needs them; ' +
        'keep cluster-admin for break-glass accounts.',
      patch: [
        'roleRef:',
        '  apiGroup: rbac.authorization.k8s.io',
        '  kind: ClusterRole',
        '  name: view',
      ].join('\n'),
    },
  },
  (grant, inventory) => {
    const reason = fullAccessReason(inventory, grant);
    if (!reason) {
      return undefined;
    }
    const { binding, grantees } = grant;
    return `${bindingLabel(binding)} grants ${reason} to ${describeSubjects(grantees)} ${bindingScope(binding)}`;
  },
);
