import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacBindingToAnonymousOrAllUsers } from './rbac-binding-to-anonymous-or-all-users';

const binding = (subjects: string, name = 'public-read', kind = 'ClusterRoleBinding') => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}${kind === 'RoleBinding' ? ', namespace: shop' : ''}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: ${subjects}
`;

describe('rbac-binding-to-anonymous-or-all-users', () => {
  it('reports each everyone-subject with its own evidence', () => {
    const subjects = `
  - {kind: User, name: alice}
  - {kind: User, name: "system:anonymous"}
  - {kind: Group, name: "system:authenticated"}`;
    const { findings, result } = runCheck(rbacBindingToAnonymousOrAllUsers, binding(subjects));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.message, finding.evidence.path])).toEqual([
      [
        'ClusterRoleBinding public-read grants ClusterRole view to User system:anonymous cluster-wide: that is any ' +
          'request without credentials',
        'subjects[1]',
      ],
      [
        'ClusterRoleBinding public-read grants ClusterRole view to Group system:authenticated cluster-wide: that ' +
          'is every identity that can authenticate, including every service account',
        'subjects[2]',
      ],
    ]);
    expect(findings[0]?.evidence.value).toEqual({ kind: 'User', name: 'system:anonymous' });
  });

  it('reports system:unauthenticated in a RoleBinding', () => {
    const { findings } = runCheck(
      rbacBindingToAnonymousOrAllUsers,
      binding('[{kind: Group, name: "system:unauthenticated"}]', 'open', 'RoleBinding'),
    );
    expect(findings[0]?.message).toContain('to Group system:unauthenticated in namespace shop');
  });

  it('passes named subjects and ignores unreadable ones', () => {
    expect(
      runCheck(rbacBindingToAnonymousOrAllUsers, binding('[{kind: Group, name: devs}, 42]')).result.status,
    ).toBe(CheckStatus.Passed);
    expect(runCheck(rbacBindingToAnonymousOrAllUsers, binding('"system:anonymous"')).findings).toEqual([]);
  });

  it('leaves the platform defaults named system: to the exemptions', () => {
    const { result } = runCheck(
      rbacBindingToAnonymousOrAllUsers,
      binding('[{kind: Group, name: "system:unauthenticated"}]', 'system:public-info-viewer'),
    );
    expect(result).toMatchObject({ status: CheckStatus.Passed, exempted: 1 });
  });
});
