import { toWorkload } from '../../inventory/workloads';
import type { KubeObject } from '../../kube-types';
import {
  credentialFormatIn,
  isNonSecretValue,
  keyPath,
  literalCredentialReason,
  looksLikeSecretName,
  nameWords,
  projectsServiceAccountToken,
  redacted,
  scalarText,
  serviceAccountOf,
} from './support';

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'shop' },
  spec: { containers: [{ name: 'app' }], ...spec },
});

describe('secrets support', () => {
  it('splits names into words across separators and camel case', () => {
    expect(nameWords('AWS_SECRET_ACCESS_KEY')).toEqual(['aws', 'secret', 'access', 'key']);
    expect(nameWords('spring.datasource.dbPassword')).toEqual(['spring', 'datasource', 'db', 'password']);
    expect(nameWords('APIKey')).toEqual(['apikey']);
  });

  it.each([
    'password',
    'my_password',
    'DB_PASSWD',
    'htpasswd',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'GITHUB_TOKEN',
    'authToken',
    'AZURE_BATCH_KEY',
    'AZURE_STORAGE_KEY',
    'AZURE_CLIENT_SECRET',
    'OCI_CLI_KEY_CONTENT',
    'API_KEY',
    'apiKey',
    'APIKEY',
    'SSH_PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DOCKER_CREDS',
    'DB_PWD',
    'SECRET_KEY_BASE',
    'KEY_PASSPHRASE',
  ])('treats %s as a credential name', (name) => {
    expect(looksLikeSecretName(name)).toBe(true);
  });

  it.each([
    'PWD',
    'CACHE_KEY',
    'PRIMARY_KEY',
    'PASSWORD_FILE',
    'TOKEN_URL',
    'TOKEN_TTL',
    'SECRET_NAME',
    'existingSecret',
    'MAX_TOKENS',
    'TOKEN_EXPIRY_SECONDS',
    'SECRETS_MANAGER_ARN',
    'SECRET_STORE',
    'KEYCLOAK_URL',
    'USERNAME',
    'greeting',
    '',
  ])('does not treat %s as a credential name', (name) => {
    expect(looksLikeSecretName(name)).toBe(false);
  });

  it.each([
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', 'a PEM private key'],
    ['---BEGIN OPENSSH PRIVATE KEY---\nxxxx', 'a PEM private key'],
    ['-----BEGIN PGP PRIVATE KEY BLOCK-----', 'a PEM private key'],
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key id'],
    [`ghp_${'a'.repeat(36)}`, 'a GitHub token'],
    ['xoxb-1234567890-abcdef', 'a Slack token'],
    [`glpat-${'x'.repeat(20)}`, 'a GitLab token'],
    [`AIza${'b'.repeat(35)}`, 'a Google API key'],
    [`sk_live_${'c'.repeat(24)}`, 'a Stripe secret key'],
    ['postgres://app:hunter2@db:5432/shop', 'a URL with an embedded password'],
  ])('recognises the credential format of %j', (value, description) => {
    expect(credentialFormatIn(value)).toBe(description);
  });

  it.each([
    '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----',
    'postgres://app:$(DB_PASSWORD)@db:5432/shop',
    'https://example.com/path@v1',
    'hello',
  ])('finds no credential format in %j', (value) => {
    expect(credentialFormatIn(value)).toBeUndefined();
  });

  it.each(['', '  ', 'true', 'False', 'off', '$(DB_PASSWORD)', '${DB_PASSWORD}', '/var/run/secrets/token'])(
    'treats %j as a value that cannot be a credential',
    (value) => {
      expect(isNonSecretValue(value)).toBe(true);
    },
  );

  it('gives the reason a literal is a credential, preferring the value format', () => {
    expect(literalCredentialReason('password', 'abc123')).toBe('its name marks it as a credential');
    expect(literalCredentialReason('password', '')).toBeUndefined();
    expect(literalCredentialReason('note', 'AKIAIOSFODNN7EXAMPLE')).toBe(
      'its value looks like an AWS access key id',
    );
    expect(literalCredentialReason('greeting', 'hello')).toBeUndefined();
  });

  it('redacts values down to their length', () => {
    expect(redacted('hunter2')).toBe('<redacted, 7 chars>');
  });

  it('reads scalars and nothing else as text', () => {
    expect(scalarText('a')).toBe('a');
    expect(scalarText(12)).toBe('12');
    expect(scalarText(true)).toBe('true');
    expect(scalarText({ a: 1 })).toBeUndefined();
    expect(scalarText(null)).toBeUndefined();
  });

  it('quotes map keys that are not plain words in evidence paths', () => {
    expect(keyPath('data', 'db_password')).toBe('data.db_password');
    expect(keyPath('data', 'app.properties')).toBe('data["app.properties"]');
    expect(keyPath('data', 'a"b')).toBe('data["a\\"b"]');
  });

  it('finds the ServiceAccount a pod runs as', () => {
    expect(serviceAccountOf(toWorkload(pod({ serviceAccountName: 'api' }))!)).toEqual({
      name: 'api',
      path: 'spec.serviceAccountName',
      explicit: true,
    });
    expect(serviceAccountOf(toWorkload(pod({ serviceAccount: 'legacy' }))!)).toMatchObject({
      name: 'legacy',
      path: 'spec.serviceAccount',
    });
    expect(serviceAccountOf(toWorkload(pod({ serviceAccountName: 7 }))!)).toEqual({
      name: 'default',
      path: 'spec.serviceAccountName',
      explicit: false,
    });
  });

  it('detects projected service account tokens', () => {
    const projected = { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } };
    expect(projectsServiceAccountToken(toWorkload(pod({ volumes: [projected] }))!)).toBe(true);
    expect(projectsServiceAccountToken(toWorkload(pod({ volumes: [{ name: 'tmp', emptyDir: {} }] }))!)).toBe(
      false,
    );
    expect(projectsServiceAccountToken(toWorkload(pod({ volumes: 'oops' }))!)).toBe(false);
  });
});
