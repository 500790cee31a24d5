import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { envSecretLiteral } from './env-secret-literal';

const deployment = (env: string, initEnv = '[]') => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: migrate:1.0
          env: ${initEnv}
      containers:
        - name: app
          image: shop:1.0
          env: ${env}
`;

describe('env-secret-literal', () => {
  it('reports a literal value under a credential name without leaking it', () => {
    const { findings, result } = runCheck(
      envSecretLiteral,
      deployment('[{name: USER_NAME, value: postgres}, {name: DB_PASSWORD, value: hunter2}]'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message:
        'Container app sets env var DB_PASSWORD to a literal credential: its name marks it as a credential',
      evidence: { path: 'spec.template.spec.containers[0].env[1].value', value: '<redacted, 7 chars>' },
    });
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  it('reports each credential variable separately, in init containers too', () => {
    const { findings } = runCheck(
      envSecretLiteral,
      deployment(
        '[{name: API_KEY, value: k1}, {name: GITHUB_TOKEN, value: t1}]',
        '[{name: password, value: p}]',
      ),
    );
    expect(findings.map((finding) => [finding.container, finding.evidence.path])).toEqual([
      ['migrate', 'spec.template.spec.initContainers[0].env[0].value'],
      ['app', 'spec.template.spec.containers[0].env[0].value'],
      ['app', 'spec.template.spec.containers[0].env[1].value'],
    ]);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(3);
  });

  it('reports a private key or known token format whatever the variable is called', () => {
    const { findings } = runCheck(
      envSecretLiteral,
      deployment(
        '[{name: the_good_stuff, value: "-----BEGIN EC PRIVATE KEY-----\\nMHc\\n-----END EC PRIVATE KEY-----"}]',
      ),
    );
    expect(findings[0]).toMatchObject({
      message:
        'Container app sets env var the_good_stuff to a literal credential: its value looks like a PEM private key',
      evidence: { value: expect.stringMatching(/^<redacted, \d+ chars>$/) as unknown },
    });
  });

  it('passes references to Secrets and values that only point at a credential', () => {
    const { findings, result } = runCheck(
      envSecretLiteral,
      deployment(
        '[{name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}, ' +
          '{name: DB_URL, value: "postgres://app:$(DB_PASSWORD)@db/shop"}, ' +
          '{name: PASSWORD_FILE, value: /run/secrets/db}, {name: REQUIRE_TOKEN, value: "true"}, ' +
          '{name: API_TOKEN, value: ""}, {name: greeting, value: hello}]',
      ),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('reads non-string scalar values as literals and survives malformed env lists', () => {
    expect(
      runCheck(envSecretLiteral, deployment('[{name: PIN_PASSWORD, value: 1234}]')).findings,
    ).toHaveLength(1);
    const malformed = runCheck(
      envSecretLiteral,
      deployment('"password=abc"', '[null, 3, {value: {nested: true}}]'),
    );
    expect(malformed.findings).toEqual([]);
    expect(malformed.result.status).toBe(CheckStatus.Passed);
  });

  it('names an unnamed variable by its position', () => {
    const { findings } = runCheck(envSecretLiteral, deployment('[{value: "AKIAIOSFODNN7EXAMPLE"}]'));
    expect(findings[0]?.message).toContain('env var env[0]');
  });

  it('is not applicable without workloads', () => {
    const { result } = runCheck(
      envSecretLiteral,
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
    );
    expect(result.status).toBe(CheckStatus.NotApplicable);
  });
});
