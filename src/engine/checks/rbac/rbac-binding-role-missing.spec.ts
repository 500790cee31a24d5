import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacBindingRoleMissing } from './rbac-binding-role-missing';

const roleBinding = (roleRef: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: app-reader, namespace: shop}
roleRef: ${roleRef}
subjects: [{kind: ServiceAccount, name: app}]
`;

const readerRole = `
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: shop}
rules: []
`;

describe('rbac-binding-role-missing', () => {
  it('reports a binding whose Role is not in its namespace', () => {
    const { findings, result } = runCheck(
      rbacBindingRoleMissing,
      roleBinding('{kind: Role, name: raeder}') + readerRole,
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'RoleBinding', namespace: 'shop', name: 'app-reader' },
      message: 'RoleBinding app-reader references Role raeder, which does not exist in namespace shop',
      evidence: { path: 'roleRef.name', value: 'raeder' },
      severity: 'low',
      phase: 'develop',
    });
  });

  it('reports a ClusterRoleBinding to a missing ClusterRole', () => {
    const manifests = `
kind: ClusterRoleBinding
metadata: {name: metrics}
roleRef: {kind: ClusterRole, name: metrics-reader}
subjects: [{kind: ServiceAccount, name: prometheus, namespace: monitoring}]
`;
    expect(runCheck(rbacBindingRoleMissing, manifests).findings[0]?.message).toBe(
      'ClusterRoleBinding metrics references ClusterRole metrics-reader, which does not exist',
    );
  });

  it('reports an unusable roleRef', () => {
    const { findings } = runCheck(rbacBindingRoleMissing, roleBinding('{kind: Group, name: reader}'));
    expect(findings[0]).toMatchObject({
      message:
        'RoleBinding app-reader references no usable role: its roleRef.kind "Group" is neither Role nor ClusterRole',
      evidence: { path: 'roleRef', value: { kind: 'Group', name: 'reader' } },
    });
  });

  it('passes existing roles and the ClusterRoles every cluster ships', () => {
    for (const roleRef of [
      '{kind: Role, name: reader}',
      '{kind: ClusterRole, name: view}',
      '{kind: ClusterRole, name: cluster-admin}',
      '{kind: ClusterRole, name: "system:auth-delegator"}',
    ]) {
      expect(runCheck(rbacBindingRoleMissing, roleBinding(roleRef) + readerRole).result.status).toBe(
        CheckStatus.Passed,
      );
    }
  });
});
