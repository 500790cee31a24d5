import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { configmapSensitiveContent } from './configmap-sensitive-content';

const configMap = (data: string) => `
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
${data}
`;

describe('configmap-sensitive-content', () => {
  it('reports a key named like a credential, redacting its value', () => {
    const { findings, result } = runCheck(
      configmapSensitiveContent,
      configMap('data:\n  db_username: postgres\n  db_password: abc123\n'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'ConfigMap', namespace: 'shop', name: 'settings' },
      message: 'ConfigMap key db_password has a name that marks it as a credential',
      evidence: { path: 'data.db_password', value: '<redacted, 6 chars>' },
      source: { file: 'test.yaml', line: 7 },
    });
    expect(JSON.stringify(findings)).not.toContain('abc123');
  });

  it('reports a private key held under any key, quoting the key in the path', () => {
    const { findings } = runCheck(
      configmapSensitiveContent,
      configMap(
        'data:\n  ssh.conf: |\n    -----BEGIN PRIVATE KEY-----\n    xxxx\n    -----END PRIVATE KEY-----\n',
      ),
    );
    expect(findings[0]).toMatchObject({
      message: 'ConfigMap key ssh.conf holds a PEM private key',
      evidence: { path: 'data["ssh.conf"]' },
    });
  });

  it('reports a config file that sets a credential to a literal, naming the line', () => {
    const properties = [
      'data:',
      '  application.properties: |',
      '    spring.datasource.url=jdbc:postgresql://db/shop',
      '    spring.datasource.password.file=/run/secrets/db',
      '    spring.datasource.password=s3cr3t',
    ].join('\n');
    const { findings } = runCheck(configmapSensitiveContent, configMap(properties));
    expect(findings.map((finding) => finding.message)).toEqual([
      'ConfigMap key application.properties sets spring.datasource.password on line 3 to a literal value',
    ]);
  });

  it('passes config files whose credentials come from elsewhere', () => {
    const config = [
      'data:',
      '  grafana.ini: |',
      '    [security]',
      '    admin_password = ${GF_ADMIN_PASSWORD}',
      '    token_url = https://auth.example.com/token',
      '  config.yaml: |',
      '    password: {{ .Values.password }}',
      '    credentials:',
      '      file: /etc/creds',
      '    bearer_token_file: /var/run/secrets/token',
      '    existingSecret: db-credentials',
      '  secrets.hcl: |',
      '    path "secret/data/*" {}',
      '    policy = "read"',
    ].join('\n');
    const { findings, result } = runCheck(configmapSensitiveContent, configMap(config));
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('decodes binaryData before looking for credentials', () => {
    const encoded = Buffer.from('token=abcdef123456\n').toString('base64');
    const { findings } = runCheck(configmapSensitiveContent, configMap(`binaryData:\n  env: ${encoded}\n`));
    expect(findings[0]).toMatchObject({
      message: 'ConfigMap key env sets token on line 1 to a literal value',
      evidence: { path: 'binaryData.env', value: `<redacted, ${encoded.length} chars>` },
    });
  });

  it('passes a ConfigMap without data or with malformed data', () => {
    expect(runCheck(configmapSensitiveContent, configMap('')).result.status).toBe(CheckStatus.Passed);
    const malformed = runCheck(configmapSensitiveContent, configMap('data: [password]\nbinaryData: 3'));
    expect(malformed.findings).toEqual([]);
  });

  it('reads non-string values as text', () => {
    const { findings } = runCheck(
      configmapSensitiveContent,
      configMap('data:\n  pin_password: 1234\n  nested: {a: 1}\n'),
    );
    expect(findings.map((finding) => finding.evidence.path)).toEqual(['data.pin_password']);
  });

  it('is not applicable without ConfigMaps and not evaluated when they could not be read', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a}]}\n';
    expect(runCheck(configmapSensitiveContent, pod).result.status).toBe(CheckStatus.NotApplicable);
    const gap = runCheck(configmapSensitiveContent, pod, {
      coverageGaps: [{ kind: 'ConfigMap', reason: 'forbidden' }],
    });
    expect(gap.result.status).toBe(CheckStatus.NotEvaluated);
  });
});
