import { objectCheck } from '../../check';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  BINDING_KINDS,
  bindingScope,
  describeSubjects,
  granteesOf,
  grantsFullAccess,
  isPlatformBinding,
  resolveRole,
  type RoleRef,
  roleRefLabel,
  roleRefOf,
} from './support';

/** Why the referenced role is full access, or undefined when it is not (or cannot be read). */
function fullAccessReason(inventory: Inventory, binding: KubeObject, ref: RoleRef): string | undefined {
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

export const rbacBindingGrantsClusterAdmin = objectCheck(
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
  { kinds: BINDING_KINDS, requires: ['Role', 'ClusterRole'] },
  (binding, inventory) => {
    const ref = roleRefOf(binding);
    const grantees = granteesOf(binding);
    if (isPlatformBinding(binding) || !('kind' in ref) || grantees.length === 0) {
      return undefined;
    }
    const reason = fullAccessReason(inventory, binding, ref);
    if (!reason) {
      return undefined;
    }
    return {
      message: `${binding.kind} ${binding.metadata.name ?? ''} grants ${reason} to ${describeSubjects(grantees)} ${bindingScope(binding)}`,
      path: 'roleRef.name',
      value: ref.name,
    };
  },
);
