import { parseManifests } from '../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import {
  describeGrants,
  describeSubjects,
  granteesOf,
  grantsFullAccess,
  grantsIn,
  POD_EXEC_PERMISSIONS,
  resolveRole,
  roleRefOf,
  ruleAllows,
  rulesOf,
  type RuleView,
  subjectsOf,
} from './support';

function inventoryOf(yaml: string): Inventory {
  return new Inventory({ objects: parseManifests(yaml, 'rbac.yaml').objects });
}

function objectOf(yaml: string): KubeObject {
  return parseManifests(yaml, 'rbac.yaml').objects[0]!.object;
}

function rule(fields: string): RuleView {
  return rulesOf(objectOf(`kind: ClusterRole\nmetadata: {name: r}\nrules: [${fields}]`))[0]!;
}

describe('rulesOf', () => {
  it('reads each rule with its evidence path', () => {
    const role = objectOf(`
kind: Role
metadata: {name: r, namespace: shop}
rules:
  - {apiGroups: [""], resources: [pods], verbs: [get]}
  - not-a-rule
  - {apiGroups: [apps], resources: [deployments], verbs: [list], resourceNames: [web]}
`);
    expect(rulesOf(role)).toMatchObject([
      { path: 'rules[0]', apiGroups: [''], resources: ['pods'], verbs: ['get'], resourceNames: [] },
      {
        path: 'rules[2]',
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['list'],
        resourceNames: ['web'],
      },
    ]);
  });

  it('reads a lone rule object and lone strings the way their author meant them', () => {
    const role = objectOf(
      'kind: Role\nmetadata: {name: r}\nrules: {apiGroups: "", resources: secrets, verbs: "*"}',
    );
    expect(rulesOf(role)).toMatchObject([
      { path: 'rules', apiGroups: [''], resources: ['secrets'], verbs: ['*'] },
    ]);
  });

  it('reads a resource rule without apiGroups as the core group', () => {
    expect(rule('{resources: [secrets], verbs: [get]}').apiGroups).toEqual(['']);
    expect(rule('{nonResourceURLs: ["/healthz"], verbs: [get]}').apiGroups).toEqual([]);
  });

  it('returns nothing for absent or malformed rules', () => {
    expect(rulesOf(objectOf('kind: Role\nmetadata: {name: r}'))).toEqual([]);
    expect(rulesOf(objectOf('kind: Role\nmetadata: {name: r}\nrules: 42'))).toEqual([]);
  });
});

describe('ruleAllows', () => {
  it('matches exact verbs, groups and resources', () => {
    const exec = rule('{apiGroups: [""], resources: [pods/exec], verbs: [create]}');
    expect(ruleAllows(exec, 'create', '', 'pods/exec')).toBe(true);
    expect(ruleAllows(exec, 'get', '', 'pods/exec')).toBe(false);
    expect(ruleAllows(exec, 'create', 'apps', 'pods/exec')).toBe(false);
    expect(ruleAllows(exec, 'create', '', 'pods')).toBe(false);
  });

  it('lets * stand for any verb, group or resource, subresources included', () => {
    const all = rule('{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}');
    expect(ruleAllows(all, 'impersonate', '', 'users')).toBe(true);
    expect(ruleAllows(all, 'get', '', 'pods/exec')).toBe(true);
  });

  it('matches */subresource but not pods/*, as the API server does', () => {
    expect(
      ruleAllows(rule('{apiGroups: [""], resources: ["*/exec"], verbs: [get]}'), 'get', '', 'pods/exec'),
    ).toBe(true);
    expect(
      ruleAllows(rule('{apiGroups: [""], resources: ["pods/*"], verbs: [get]}'), 'get', '', 'pods/exec'),
    ).toBe(false);
  });

  it('never lets a rule limited to named objects create a top-level object', () => {
    const named = rule(
      '{apiGroups: [""], resources: [pods, pods/exec], resourceNames: [web-0], verbs: [create]}',
    );
    expect(ruleAllows(named, 'create', '', 'pods')).toBe(false);
    expect(ruleAllows(named, 'create', '', 'pods/exec')).toBe(true);
  });
});

describe('grantsIn and describeGrants', () => {
  it('lists each verb and resource granted, and says when only wildcards grant them', () => {
    const explicit = grantsIn(
      [rule('{apiGroups: [""], resources: [pods/exec], verbs: [get, create]}')],
      POD_EXEC_PERMISSIONS,
    );
    expect(describeGrants(explicit)).toBe('get/create pods/exec');
    const wildcard = grantsIn(
      [rule('{apiGroups: [""], resources: ["*"], verbs: [get]}')],
      POD_EXEC_PERMISSIONS,
    );
    expect(describeGrants(wildcard)).toBe('get pods/exec, get pods/attach (through a wildcard)');
  });

  it('skips rules limited to names when the permission asks it to', () => {
    const named = rule('{apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get]}');
    const permission = { verbs: ['get'], group: '', resources: ['secrets'] };
    expect(grantsIn([named], [permission])).toHaveLength(1);
    expect(grantsIn([named], [{ ...permission, ignoreNameRestricted: true }])).toEqual([]);
  });
});

describe('grantsFullAccess', () => {
  it('holds for * verbs, or every read and write verb, on every resource of every group', () => {
    expect(grantsFullAccess([rule('{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}')])).toBe(true);
    expect(
      grantsFullAccess([
        rule('{apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch]}'),
        rule('{apiGroups: ["*"], resources: ["*"], verbs: [create, update, patch, delete]}'),
      ]),
    ).toBe(true);
  });

  it('does not hold when groups, resources or verbs are narrowed, or names are listed', () => {
    expect(grantsFullAccess([rule('{apiGroups: [""], resources: ["*"], verbs: ["*"]}')])).toBe(false);
    expect(grantsFullAccess([rule('{apiGroups: ["*"], resources: [pods], verbs: ["*"]}')])).toBe(false);
    expect(grantsFullAccess([rule('{apiGroups: ["*"], resources: ["*"], verbs: [get, list]}')])).toBe(false);
    expect(
      grantsFullAccess([rule('{apiGroups: ["*"], resources: ["*"], resourceNames: [x], verbs: ["*"]}')]),
    ).toBe(false);
  });
});

describe('roleRefOf', () => {
  it('reads a valid roleRef and explains an unusable one', () => {
    const binding = (roleRef: string, kind = 'RoleBinding') =>
      objectOf(`kind: ${kind}\nmetadata: {name: b, namespace: shop}\nroleRef: ${roleRef}`);
    expect(roleRefOf(binding('{kind: Role, name: reader}'))).toEqual({ kind: 'Role', name: 'reader' });
    expect(roleRefOf(binding('reader'))).toEqual({ problem: 'it has no roleRef' });
    expect(roleRefOf(binding('{kind: Group, name: x}'))).toEqual({
      problem: 'its roleRef.kind "Group" is neither Role nor ClusterRole',
    });
    expect(roleRefOf(binding('{kind: Role, name: r}', 'ClusterRoleBinding'))).toEqual({
      problem: 'a ClusterRoleBinding cannot reference a Role',
    });
    expect(roleRefOf(binding('{kind: ClusterRole}'))).toEqual({ problem: 'its roleRef has no name' });
  });
});

describe('resolveRole', () => {
  const inventory = inventoryOf(`
kind: Role
metadata: {name: reader, namespace: shop}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
kind: ClusterRole
metadata: {name: stray, namespace: somewhere}
rules: []
`);
  const binding = objectOf('kind: RoleBinding\nmetadata: {name: b, namespace: shop}');

  it('finds a Role in the binding namespace only', () => {
    expect(resolveRole(inventory, binding, { kind: 'Role', name: 'reader' })).toMatchObject({
      status: 'found',
    });
    const elsewhere = objectOf('kind: RoleBinding\nmetadata: {name: b, namespace: other}');
    expect(resolveRole(inventory, elsewhere, { kind: 'Role', name: 'reader' })).toEqual({
      status: 'missing',
    });
  });

  it('finds a ClusterRole by name even when it carries a namespace', () => {
    expect(resolveRole(inventory, binding, { kind: 'ClusterRole', name: 'stray' })).toMatchObject({
      status: 'found',
      role: { metadata: { name: 'stray' } },
    });
  });

  it('knows the built-in ClusterRoles and system: ClusterRoles absent from the inventory', () => {
    const edit = resolveRole(inventory, binding, { kind: 'ClusterRole', name: 'edit' });
    expect(edit.status).toBe('built-in');
    expect(edit.status === 'built-in' && grantsIn(edit.rules, POD_EXEC_PERMISSIONS).length).toBeGreaterThan(
      0,
    );
    expect(resolveRole(inventory, binding, { kind: 'ClusterRole', name: 'system:auth-delegator' })).toEqual({
      status: 'platform',
    });
    expect(resolveRole(inventory, binding, { kind: 'ClusterRole', name: 'ops' })).toEqual({
      status: 'missing',
    });
    expect(resolveRole(inventory, binding, { kind: 'Role', name: 'system:x' })).toEqual({
      status: 'missing',
    });
  });
});

describe('subjects', () => {
  it('reads subjects with their paths and treats a malformed list as one unreadable subject', () => {
    const binding = objectOf(`
kind: ClusterRoleBinding
metadata: {name: b}
subjects:
  - {kind: Group, name: system:masters}
  - {kind: ServiceAccount, name: ci, namespace: build}
  - oops
`);
    expect(subjectsOf(binding).map((subject) => subject.path)).toEqual([
      'subjects[0]',
      'subjects[1]',
      'subjects[2]',
    ]);
    expect(describeSubjects(granteesOf(binding))).toBe('ServiceAccount build/ci and an unreadable subject');
    const malformed = objectOf('kind: RoleBinding\nmetadata: {name: b}\nsubjects: alice');
    expect(subjectsOf(malformed)).toEqual([{ path: 'subjects', raw: 'alice' }]);
    expect(subjectsOf(objectOf('kind: RoleBinding\nmetadata: {name: b}'))).toEqual([]);
  });

  it('summarizes long subject lists', () => {
    const binding = objectOf(`
kind: RoleBinding
metadata: {name: b}
subjects: [{kind: User, name: a}, {kind: User, name: b}, {kind: User, name: c}, {kind: User, name: d}]
`);
    expect(describeSubjects(subjectsOf(binding))).toBe('User a, User b, User c and 1 more');
  });

  it('names a subject that lacks its kind', () => {
    const binding = objectOf('kind: RoleBinding\nmetadata: {name: b}\nsubjects: [{name: alice}]');
    expect(describeSubjects(subjectsOf(binding))).toBe('subject alice of no kind');
  });
});
