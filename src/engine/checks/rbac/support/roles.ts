import { type Check, objectCheck, type Violation } from '../../../check';
import type { Inventory } from '../../../inventory/inventory';
import type { KubeObject } from '../../../kube-types';
import type { CheckMeta } from '../../../model';
import {
  CORE_GROUP,
  describeGrants,
  type Grant,
  grantsIn,
  type Permission,
  rulesOf,
  type RuleView,
  ruleViews,
  WILDCARD,
} from './rules';

export const ROLE_KINDS = ['Role', 'ClusterRole'] as const;

/** Objects a managed platform creates under names without the `system:` prefix (GKE's Calico grant). */
export const PLATFORM_OBJECT_NAMES: ReadonlySet<string> = new Set(['gce:podsecuritypolicy:calico-sa']);

const POD_ACCESS_VERBS = ['get', 'list', 'watch', 'create', 'delete', 'deletecollection', 'patch', 'update'];

/**
 * The user-facing ClusterRoles every cluster ships, with the part of their upstream rules these checks read.
 * Used when a manifest set binds them without containing them (they live in the cluster, not in the chart).
 */
const BUILT_IN_CLUSTER_ROLES: ReadonlyMap<string, readonly Record<string, unknown>[]> = new Map([
  [
    'cluster-admin',
    [
      { apiGroups: [WILDCARD], resources: [WILDCARD], verbs: [WILDCARD] },
      { nonResourceURLs: [WILDCARD], verbs: [WILDCARD] },
    ],
  ],
  ['admin', [{ apiGroups: [CORE_GROUP], resources: ['pods/attach', 'pods/exec'], verbs: POD_ACCESS_VERBS }]],
  ['edit', [{ apiGroups: [CORE_GROUP], resources: ['pods/attach', 'pods/exec'], verbs: POD_ACCESS_VERBS }]],
  ['view', []],
]);

export function roleLabel(role: KubeObject): string {
  const { namespace, name } = role.metadata;
  return `${role.kind} ${namespace && role.kind === 'Role' ? `${namespace}/` : ''}${name ?? ''}`;
}

/** The platform's own roles: built-in ClusterRoles (cluster-admin, admin, edit, view) and managed-platform grants. */
export function isPlatformRole(role: KubeObject): boolean {
  const name = role.metadata.name ?? '';
  return PLATFORM_OBJECT_NAMES.has(name) || (role.kind === 'ClusterRole' && BUILT_IN_CLUSTER_ROLES.has(name));
}

/** ` only on app, db` when every granting rule is limited to named objects. */
function nameLimit(grants: readonly Grant[]): string {
  if (!grants.every((grant) => grant.rule.resourceNames.length > 0)) {
    return '';
  }
  return ` only on ${[...new Set(grants.flatMap((grant) => grant.rule.resourceNames))].join(', ')}`;
}

/**
 * A check over every Role and ClusterRole that reports, once per role, the rules granting any of `permissions`.
 * `consequence` completes the message: `ClusterRole x allows get secrets<consequence>`.
 */
export function roleGrantCheck(
  meta: CheckMeta,
  permissions: readonly Permission[],
  consequence: string,
): Check {
  return objectCheck(meta, { kinds: ROLE_KINDS }, (role): Violation | undefined => {
    if (isPlatformRole(role)) {
      return undefined;
    }
    const grants = grantsIn(rulesOf(role), permissions);
    const first = grants[0];
    if (!first) {
      return undefined;
    }
    return {
      message: `${roleLabel(role)} allows ${describeGrants(grants)}${nameLimit(grants)}${consequence}`,
      path: first.rule.path,
      value: first.rule.raw,
    };
  });
}

export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
}

export type RoleResolution =
  | { status: 'found'; role: KubeObject; rules: readonly RuleView[] }
  /** A built-in ClusterRole absent from the inventory, read with its known upstream rules. */
  | { status: 'built-in'; rules: readonly RuleView[] }
  /** A `system:` ClusterRole absent from the inventory: the platform defines it, its rules are unknown here. */
  | { status: 'platform' }
  | { status: 'missing' };

interface RbacIndex {
  clusterRoles: ReadonlyMap<string, KubeObject>;
}

const indexes = new WeakMap<Inventory, RbacIndex>();

function rbacIndex(inventory: Inventory): RbacIndex {
  let index = indexes.get(inventory);
  if (!index) {
    const clusterRoles = new Map<string, KubeObject>();
    for (const role of inventory.objects('ClusterRole')) {
      // Keyed by name alone: a stray metadata.namespace on a cluster-scoped object changes nothing.
      const name = role.metadata.name;
      if (name !== undefined && !clusterRoles.has(name)) {
        clusterRoles.set(name, role);
      }
    }
    index = { clusterRoles };
    indexes.set(inventory, index);
  }
  return index;
}

const builtInRules = new Map(
  [...BUILT_IN_CLUSTER_ROLES].map(([name, rules]) => [name, ruleViews(rules)] as const),
);

/** The Role or ClusterRole a binding grants, looked up in the inventory. */
export function resolveRole(inventory: Inventory, binding: KubeObject, ref: RoleRef): RoleResolution {
  const role =
    ref.kind === 'Role'
      ? inventory.get('Role', binding.metadata.namespace, ref.name)
      : rbacIndex(inventory).clusterRoles.get(ref.name);
  if (role) {
    return { status: 'found', role, rules: rulesOf(role) };
  }
  if (ref.kind === 'ClusterRole') {
    const rules = builtInRules.get(ref.name);
    if (rules) {
      return { status: 'built-in', rules };
    }
    if (ref.name.startsWith('system:')) {
      return { status: 'platform' };
    }
  }
  return { status: 'missing' };
}
