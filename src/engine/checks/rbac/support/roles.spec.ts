import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../../inventory/inventory';
import type { KubeObject } from '../../../kube-types';
import { resolveRole } from './roles';
import { grantsIn, POD_EXEC_PERMISSIONS } from './rules';

function inventoryOf(yaml: string): Inventory {
  return new Inventory({ objects: parseManifests(yaml, 'rbac.yaml').objects });
}

function objectOf(yaml: string): KubeObject {
  return parseManifests(yaml, 'rbac.yaml').objects[0]!.object;
}

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
