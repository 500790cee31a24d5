import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { rbacSecretsRead } from './rbac-secrets-read';

const role = (rules: string) => `
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: app, namespace: shop}
rules: ${rules}
`;

describe('rbac-secrets-read', () => {
  it('reports list and watch on secrets', () => {
    const { findings } = runCheck(
      rbacSecretsRead,
      role('[{apiGroups: [""], resources: [secrets], verbs: [list, watch]}]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      message:
        'Role shop/app allows list/watch secrets: list and watch return every secret value in scope, get any ' +
        'secret whose name is known',
      evidence: { path: 'rules[0]' },
    });
  });

  it('reports read access through wildcards', () => {
    const { findings } = runCheck(
      rbacSecretsRead,
      role('[{apiGroups: [""], resources: ["*"], verbs: [get]}]'),
    );
    expect(findings[0]?.message).toContain('allows get secrets (through a wildcard)');
  });

  it('passes reads limited to named secrets, writes only, and other resources', () => {
    for (const rules of [
      '[{apiGroups: [""], resources: [secrets], resourceNames: [app-config], verbs: [get]}]',
      '[{apiGroups: [""], resources: [secrets], verbs: [create, update]}]',
      '[{apiGroups: [""], resources: [configmaps], verbs: [get, list]}]',
      '[{apiGroups: [apps], resources: [secrets], verbs: [get]}]',
    ]) {
      expect(runCheck(rbacSecretsRead, role(rules)).result.status).toBe(CheckStatus.Passed);
    }
  });
});
