import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacSystemMastersBinding } from './rbac-system-masters-binding';

const clusterRoleBinding = (name: string, role: string, subjects: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: ${name}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}
subjects: ${subjects}
`;

describe('rbac-system-masters-binding', () => {
  it('reports a binding naming system:masters', () => {
    const subjects = '[{kind: User, name: alice}, {kind: Group, name: "system:masters"}]';
    const { findings, result } = runCheck(
      rbacSystemMastersBinding,
      clusterRoleBinding('breakglass', 'view', subjects),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'ClusterRoleBinding', name: 'breakglass' },
      message:
        'ClusterRoleBinding breakglass binds Group system:masters, whose members bypass RBAC: the binding grants ' +
        'nothing and cannot restrict them',
      evidence: { path: 'subjects[1]', value: { kind: 'Group', name: 'system:masters' } },
    });
  });

  it('leaves the default cluster-admin binding alone', () => {
    const subjects = '[{kind: Group, name: "system:masters"}]';
    expect(
      runCheck(rbacSystemMastersBinding, clusterRoleBinding('cluster-admin', 'cluster-admin', subjects))
        .findings,
    ).toEqual([]);
  });

  it('passes other groups and a User that merely has the name', () => {
    const subjects = '[{kind: Group, name: masters}, {kind: User, name: "system:masters"}]';
    expect(
      runCheck(rbacSystemMastersBinding, clusterRoleBinding('ops', 'view', subjects)).result.status,
    ).toBe(CheckStatus.Passed);
  });
});
