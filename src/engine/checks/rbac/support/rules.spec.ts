import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import type { KubeObject } from '../../../kube-types';
import {
  describeGrants,
  grantsFullAccess,
  grantsIn,
  POD_EXEC_PERMISSIONS,
  ruleAllows,
  rulesOf,
  type RuleView,
} from './rules';

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
