import { type Check, objectCheck, type Violation } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import type { CheckMeta } from '../../model';

export const ROLE_KINDS = ['Role', 'ClusterRole'] as const;
export const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'] as const;

const WILDCARD = '*';
export const CORE_GROUP = '';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Objects a managed platform creates under names without the `system:` prefix (GKE's Calico grant). */
const PLATFORM_OBJECT_NAMES: ReadonlySet<string> = new Set(['gce:podsecuritypolicy:calico-sa']);

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

/** The verbs that together amount to full control of a resource when granted on every resource. */
const FULL_CONTROL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

export const POD_EXEC_PERMISSIONS: readonly Permission[] = [
  { verbs: ['get', 'create'], group: CORE_GROUP, resources: ['pods/exec', 'pods/attach'] },
];

// ---------------------------------------------------------------------------------------------------------------
// Rules

/** One rule of a Role or ClusterRole, normalized from untrusted input. */
export interface RuleView {
  /** Evidence path, e.g. `rules[2]`. */
  path: string;
  raw: Readonly<Record<string, unknown>>;
  apiGroups: readonly string[];
  resources: readonly string[];
  verbs: readonly string[];
  resourceNames: readonly string[];
}

/** A list of strings; a lone string reads as a one-item list, the way its author meant it. */
function stringList(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function toRuleView(raw: Record<string, unknown>, path: string): RuleView {
  const resources = stringList(raw['resources']);
  return {
    path,
    raw,
    // The API server rejects a resource rule without apiGroups; the author evidently meant the core group.
    apiGroups:
      raw['apiGroups'] === undefined && resources.length > 0 ? [CORE_GROUP] : stringList(raw['apiGroups']),
    resources,
    verbs: stringList(raw['verbs']),
    resourceNames: stringList(raw['resourceNames']),
  };
}

function ruleViews(rules: unknown): RuleView[] {
  if (isRecord(rules)) {
    return [toRuleView(rules, 'rules')];
  }
  if (!Array.isArray(rules)) {
    return [];
  }
  const views: RuleView[] = [];
  rules.forEach((rule, index) => {
    if (isRecord(rule)) {
      views.push(toRuleView(rule, `rules[${index}]`));
    }
  });
  return views;
}

const rulesCache = new WeakMap<KubeObject, readonly RuleView[]>();

/** The rules of a Role or ClusterRole (a single rule object written without its list counts too). */
export function rulesOf(role: KubeObject): readonly RuleView[] {
  let rules = rulesCache.get(role);
  if (!rules) {
    rules = ruleViews(role['rules']);
    rulesCache.set(role, rules);
  }
  return rules;
}

function resourceMatches(ruleResources: readonly string[], resource: string): boolean {
  const subresource = resource.includes('/') ? resource.slice(resource.indexOf('/') + 1) : undefined;
  return ruleResources.some(
    (ruleResource) =>
      ruleResource === WILDCARD ||
      ruleResource === resource ||
      (subresource !== undefined && ruleResource === `${WILDCARD}/${subresource}`),
  );
}

/**
 * Whether the rule authorizes `verb` on `resource` (`pods` or `pods/exec`) in API group `group`, with the API
 * server's matching: `*` in any field, a `*` resource prefix standing for any parent of a subresource, and
 * resourceNames, which can never authorize a create of a top-level object (the request carries no name yet).
 */
export function ruleAllows(rule: RuleView, verb: string, group: string, resource: string): boolean {
  if (rule.resourceNames.length > 0 && verb === 'create' && !resource.includes('/')) {
    return false;
  }
  return (
    (rule.verbs.includes(WILDCARD) || rule.verbs.includes(verb)) &&
    (rule.apiGroups.includes(WILDCARD) || rule.apiGroups.includes(group)) &&
    resourceMatches(rule.resources, resource)
  );
}

/** A set of verbs on resources of one API group that a check looks for. */
export interface Permission {
  verbs: readonly string[];
  group: string;
  resources: readonly string[];
  /** Skip rules limited by resourceNames: for this permission such a limit is the least-privilege way to grant it. */
  ignoreNameRestricted?: boolean;
}

export interface Grant {
  rule: RuleView;
  verb: string;
  resource: string;
  viaWildcard: boolean;
}

function grantsOfRule(rule: RuleView, permission: Permission): Grant[] {
  if (permission.ignoreNameRestricted && rule.resourceNames.length > 0) {
    return [];
  }
  const grants: Grant[] = [];
  for (const resource of permission.resources) {
    for (const verb of permission.verbs) {
      if (ruleAllows(rule, verb, permission.group, resource)) {
        const explicit =
          rule.verbs.includes(verb) &&
          rule.apiGroups.includes(permission.group) &&
          rule.resources.includes(resource);
        grants.push({ rule, verb, resource, viaWildcard: !explicit });
      }
    }
  }
  return grants;
}

/** Every (rule, verb, resource) among `rules` that grants one of `permissions`, in rule order. */
export function grantsIn(rules: readonly RuleView[], permissions: readonly Permission[]): Grant[] {
  return rules.flatMap((rule) => permissions.flatMap((permission) => grantsOfRule(rule, permission)));
}

/** `get/create pods/exec, create pods/attach (through a wildcard)`. */
export function describeGrants(grants: readonly Grant[]): string {
  const verbsByResource = new Map<string, Set<string>>();
  for (const grant of grants) {
    const verbs = verbsByResource.get(grant.resource) ?? new Set<string>();
    verbs.add(grant.verb);
    verbsByResource.set(grant.resource, verbs);
  }
  const parts = [...verbsByResource].map(([resource, verbs]) => `${[...verbs].join('/')} ${resource}`);
  const wildcard = grants.every((grant) => grant.viaWildcard) ? ' (through a wildcard)' : '';
  return `${parts.join(', ')}${wildcard}`;
}

/** Every verb on every resource of every API group: cluster-admin in all but name. */
export function grantsFullAccess(rules: readonly RuleView[]): boolean {
  const verbs = new Set(
    rules
      .filter(
        (rule) =>
          rule.apiGroups.includes(WILDCARD) &&
          rule.resources.includes(WILDCARD) &&
          rule.resourceNames.length === 0,
      )
      .flatMap((rule) => rule.verbs),
  );
  return verbs.has(WILDCARD) || FULL_CONTROL_VERBS.every((verb) => verbs.has(verb));
}

// ---------------------------------------------------------------------------------------------------------------
// Roles

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

// ---------------------------------------------------------------------------------------------------------------
// Bindings

export interface RoleRef {
  kind: 'Role' | 'ClusterRole';
  name: string;
}

/** The binding's roleRef, or what is wrong with it (the API server would refuse the binding). */
export function roleRefOf(binding: KubeObject): RoleRef | { problem: string } {
  const ref = binding['roleRef'];
  if (!isRecord(ref)) {
    return { problem: 'it has no roleRef' };
  }
  const { kind, name } = ref;
  if (kind !== 'Role' && kind !== 'ClusterRole') {
    return { problem: `its roleRef.kind ${JSON.stringify(kind ?? null)} is neither Role nor ClusterRole` };
  }
  if (kind === 'Role' && binding.kind === 'ClusterRoleBinding') {
    return { problem: 'a ClusterRoleBinding cannot reference a Role' };
  }
  if (typeof name !== 'string' || name === '') {
    return { problem: 'its roleRef has no name' };
  }
  return { kind, name };
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

export function isPlatformBinding(binding: KubeObject): boolean {
  return PLATFORM_OBJECT_NAMES.has(binding.metadata.name ?? '');
}

/** The cluster's own `cluster-admin` ClusterRoleBinding, which grants cluster-admin to system:masters. */
export function isDefaultClusterAdminBinding(
  binding: KubeObject,
  ref: RoleRef | { problem: string },
): boolean {
  return (
    binding.kind === 'ClusterRoleBinding' &&
    binding.metadata.name === 'cluster-admin' &&
    'kind' in ref &&
    ref.kind === 'ClusterRole' &&
    ref.name === 'cluster-admin'
  );
}

/** `in namespace shop` or `cluster-wide`. */
export function bindingScope(binding: KubeObject): string {
  if (binding.kind === 'ClusterRoleBinding') {
    return 'cluster-wide';
  }
  const namespace = binding.metadata.namespace;
  return namespace ? `in namespace ${namespace}` : 'in the namespace it is applied to';
}

export interface SubjectView {
  path: string;
  raw: unknown;
  kind?: string;
  name?: string;
  namespace?: string;
}

function toSubjectView(raw: unknown, path: string): SubjectView {
  if (!isRecord(raw)) {
    return { path, raw };
  }
  const field = (key: string) => (typeof raw[key] === 'string' ? { [key]: raw[key] } : {});
  return { path, raw, ...field('kind'), ...field('name'), ...field('namespace') };
}

/** A binding's subjects; a subjects field that is not a list reads as one subject nobody can identify. */
export function subjectsOf(binding: KubeObject): SubjectView[] {
  const subjects = binding['subjects'];
  if (subjects === undefined || subjects === null) {
    return [];
  }
  if (!Array.isArray(subjects)) {
    return [{ path: 'subjects', raw: subjects }];
  }
  return subjects.map((subject, index) => toSubjectView(subject, `subjects[${index}]`));
}

export function isSystemMastersGroup(subject: SubjectView): boolean {
  return subject.kind === 'Group' && subject.name === 'system:masters';
}

/**
 * The subjects that actually gain something from the binding: members of system:masters bypass authorization,
 * so naming that group adds nothing. Unreadable subjects count, since nothing shows they gain nothing.
 */
export function granteesOf(binding: KubeObject): SubjectView[] {
  return subjectsOf(binding).filter((subject) => !isSystemMastersGroup(subject));
}

export function describeSubject(subject: SubjectView): string {
  if (subject.name === undefined) {
    return 'an unreadable subject';
  }
  if (subject.kind === undefined) {
    return `subject ${subject.name} of no kind`;
  }
  const namespace = subject.kind === 'ServiceAccount' && subject.namespace ? `${subject.namespace}/` : '';
  return `${subject.kind} ${namespace}${subject.name}`;
}

/** `User alice, Group dev and 2 more`. */
export function describeSubjects(subjects: readonly SubjectView[]): string {
  const shown = subjects.slice(0, 3).map(describeSubject);
  const rest = subjects.length - shown.length;
  if (rest > 0) {
    return `${shown.join(', ')} and ${rest} more`;
  }
  return shown.length > 1
    ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
    : (shown[0] ?? '');
}

/** `ClusterRole edit` as the binding names it. */
export function roleRefLabel(ref: RoleRef): string {
  return `${ref.kind} ${ref.name}`;
}

/** `ClusterRole edit`, or `its role` when the roleRef is unusable. */
export function grantedRoleLabel(binding: KubeObject): string {
  const ref = roleRefOf(binding);
  return 'kind' in ref ? roleRefLabel(ref) : 'its role';
}
