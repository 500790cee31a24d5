import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacDefaultServiceAccountBound } from './rbac-default-service-account-bound';

const binding = (kind: string, subjects: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: default-reader${kind === 'RoleBinding' ? ', namespace: shop' : ''}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: ${subjects}
`;

describe('rbac-default-service-account-bound', () => {
  it('reports a RoleBinding to the default service account, defaulting its namespace to the binding one', () => {
    const { findings, result } = runCheck(
      rbacDefaultServiceAccountBound,
      binding('RoleBinding', '[{kind: ServiceAccount, name: default}]'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'RoleBinding', namespace: 'shop', name: 'default-reader' },
      message:
        'RoleBinding default-reader grants ClusterRole view to ServiceAccount shop/default in namespace shop: ' +
        'every pod in shop without its own service account holds it',
      evidence: { path: 'subjects[0]', value: { kind: 'ServiceAccount', name: 'default' } },
    });
  });

  it('reports each default service account of a ClusterRoleBinding', () => {
    const subjects = `
  - {kind: ServiceAccount, name: default, namespace: kube-system}
  - {kind: ServiceAccount, name: default, namespace: shop}
  - {kind: ServiceAccount, name: tiller, namespace: kube-system}`;
    const { findings } = runCheck(rbacDefaultServiceAccountBound, binding('ClusterRoleBinding', subjects));
    expect(findings.map((finding) => finding.evidence.path)).toEqual(['subjects[0]', 'subjects[1]']);
    expect(findings[0]?.message).toContain('to ServiceAccount kube-system/default cluster-wide');
  });

  it('passes dedicated service accounts and users named default', () => {
    const subjects = '[{kind: ServiceAccount, name: app}, {kind: User, name: default}]';
    expect(runCheck(rbacDefaultServiceAccountBound, binding('RoleBinding', subjects)).result.status).toBe(
      CheckStatus.Passed,
    );
  });
});
