import { isRecord } from '../../../inventory/guards';
import type { KubeObject } from '../../../kube-types';

export const WILDCARD = '*';
export const CORE_GROUP = '';
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The verbs that together amount to full control of a resource when granted on every resource. */
const FULL_CONTROL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

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

/** Rule views of raw rules (a single rule object written without its list counts too). */
export function ruleViews(rules: unknown): RuleView[] {
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

export const POD_EXEC_PERMISSIONS: readonly Permission[] = [
  { verbs: ['get', 'create'], group: CORE_GROUP, resources: ['pods/exec', 'pods/attach'] },
];
