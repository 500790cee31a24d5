import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacBindingGrantsClusterAdmin } from './rbac-binding-grants-cluster-admin';

const clusterRoleBinding = (role: string, subjects = '[{kind: User, name: alice}]', name = 'ops-admins') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${name}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: ${subjects}
`;

const clusterRole = (name: string, rules: string) => `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: ${name}}
rules: ${rules}
`;

describe('rbac-binding-grants-cluster-admin', () => {
  it('reports a ClusterRoleBinding to cluster-admin, even when the role is not in the manifests', () => {
    const { findings, result } = runCheck(rbacBindingGrantsClusterAdmin, clusterRoleBinding('cluster-admin'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'ClusterRoleBinding', name: 'ops-admins' },
      message: 'ClusterRoleBinding ops-admins grants cluster-admin to User alice cluster-wide',
      evidence: { path: 'roleRef.name', value: 'cluster-admin' },
    });
  });

  it('reports a RoleBinding to a Role whose rules allow every verb on every resource', () => {
    const manifests = `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: everything, namespace: shop}
rules: [{apiGroups: ["*"], resources: ["*"], verbs: [get, list, watch, create, update, patch, delete]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployers, namespace: shop}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: everything}
subjects: [{kind: ServiceAccount, name: ci, namespace: shop}]
`;
    const { findings } = runCheck(rbacBindingGrantsClusterAdmin, manifests);
    expect(findings.map((finding) => finding.message)).toEqual([
      'RoleBinding deployers grants Role everything (every verb on every resource) to ServiceAccount shop/ci ' +
        'in namespace shop',
    ]);
  });

  it('reports user bindings to a system: role with full access', () => {
    const manifests =
      clusterRoleBinding('system:test') +
      clusterRole('system:test', '[{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]');
    expect(runCheck(rbacBindingGrantsClusterAdmin, manifests).findings).toHaveLength(1);
  });

  it('passes bindings to narrower roles', () => {
    const manifests =
      clusterRoleBinding('deployer') +
      clusterRole('deployer', '[{apiGroups: ["*"], resources: ["*"], verbs: [get, list]}]');
    const { findings, result } = runCheck(rbacBindingGrantsClusterAdmin, manifests);
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('leaves the default cluster-admin binding alone: system:masters gains nothing from a binding', () => {
    const manifests = clusterRoleBinding(
      'cluster-admin',
      '[{apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}]',
      'cluster-admin',
    );
    expect(runCheck(rbacBindingGrantsClusterAdmin, manifests).findings).toEqual([]);
  });

  it('still reports a user added to the default cluster-admin binding', () => {
    const subjects = '[{kind: Group, name: "system:masters"}, {kind: User, name: mallory}]';
    const { findings } = runCheck(
      rbacBindingGrantsClusterAdmin,
      clusterRoleBinding('cluster-admin', subjects, 'cluster-admin'),
    );
    expect(findings[0]?.message).toBe(
      'ClusterRoleBinding cluster-admin grants cluster-admin to User mallory cluster-wide',
    );
  });

  it('passes bindings without subjects, to missing roles, or with an unusable roleRef', () => {
    expect(
      runCheck(rbacBindingGrantsClusterAdmin, clusterRoleBinding('cluster-admin', '[]')).findings,
    ).toEqual([]);
    expect(runCheck(rbacBindingGrantsClusterAdmin, clusterRoleBinding('does-not-exist')).findings).toEqual(
      [],
    );
    const noRef =
      'kind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: cluster-admin\nsubjects: [{kind: User, name: a}]';
    expect(runCheck(rbacBindingGrantsClusterAdmin, noRef).result.status).toBe(CheckStatus.Passed);
  });

  it('counts an unreadable subjects field as granting', () => {
    const { findings } = runCheck(
      rbacBindingGrantsClusterAdmin,
      clusterRoleBinding('cluster-admin', 'alice'),
    );
    expect(findings[0]?.message).toBe(
      'ClusterRoleBinding ops-admins grants cluster-admin to an unreadable subject cluster-wide',
    );
  });

  it('exempts the managed platform binding and system: bindings', () => {
    const calico = clusterRoleBinding('cluster-admin', undefined, 'gce:podsecuritypolicy:calico-sa');
    expect(runCheck(rbacBindingGrantsClusterAdmin, calico).findings).toEqual([]);
    const system = runCheck(
      rbacBindingGrantsClusterAdmin,
      clusterRoleBinding('cluster-admin', undefined, 'system:x'),
    );
    expect(system.result).toMatchObject({ status: CheckStatus.Passed, exempted: 1 });
  });

  it('is not evaluated when ClusterRoles could not be read', () => {
    const { result } = runCheck(rbacBindingGrantsClusterAdmin, clusterRoleBinding('cluster-admin'), {
      coverageGaps: [{ kind: 'ClusterRole', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
