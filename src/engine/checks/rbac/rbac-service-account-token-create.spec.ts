import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacServiceAccountTokenCreate } from './rbac-service-account-token-create';

const role = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: token-minter, namespace: ci}
rules: ${rules}
`;

describe('rbac-service-account-token-create', () => {
  it('reports create on serviceaccounts/token', () => {
    const { findings } = runCheck(
      rbacServiceAccountTokenCreate,
      role('[{apiGroups: [""], resources: [serviceaccounts/token], verbs: [create]}]'),
    );
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Role', namespace: 'ci', name: 'token-minter' },
      message:
        'Role ci/token-minter allows create serviceaccounts/token: its subjects can obtain tokens acting as those ' +
        'service accounts',
      evidence: { path: 'rules[0]' },
    });
  });

  it('still reports token creation limited to named service accounts, naming them', () => {
    const rules =
      '[{apiGroups: [""], resources: [serviceaccounts/token], resourceNames: [deployer], verbs: [create]}]';
    expect(runCheck(rbacServiceAccountTokenCreate, role(rules)).findings[0]?.message).toContain(
      'create serviceaccounts/token only on deployer',
    );
  });

  it('passes access to service accounts themselves', () => {
    const rules = '[{apiGroups: [""], resources: [serviceaccounts], verbs: [get, list, create]}]';
    expect(runCheck(rbacServiceAccountTokenCreate, role(rules)).result.status).toBe(CheckStatus.Passed);
  });
});
