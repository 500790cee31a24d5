import { stringify } from 'yaml';
import { ErrorCode } from '../../src/common/errors/error-code';
import type { ClusterCredentials } from '../../src/modules/clusters/kubeconfig/cluster-credentials';

/**
 * Kubeconfigs for registration tests: one valid base and, per refusal, a small mutation of it. Shared by the
 * pure test of the reader and the route-level test, so both hold the service to the same table.
 */

const base64 = (text: string) => Buffer.from(text).toString('base64');
const pem = (label: string, body: string) =>
  base64(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`);

/** Planted values: no error message, response, log line or stored plain-text column may ever contain one. */
export const KUBECONFIG_SECRETS = {
  token: 'kubeassay-canary-token-7c1d9e0b4a',
  password: 'kubeassay-canary-password-3f8a61',
  clientKeyData: pem('PRIVATE KEY', 'kubeassay-canary-client-key'),
} as const;

const CERTIFICATE_AUTHORITY_DATA = pem('CERTIFICATE', 'kubeassay-test-ca');
const CLIENT_CERTIFICATE_DATA = pem('CERTIFICATE', 'kubeassay-test-client');

interface KubeconfigDocument {
  apiVersion: string;
  kind: string;
  'current-context'?: string;
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
  contexts: { name: string; context: Record<string, unknown> }[];
}

/** One cluster reached with a bearer token and its CA inline: what `kubectl create token` users end up with. */
function baseDocument(): KubeconfigDocument {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'prod',
    clusters: [
      {
        name: 'prod',
        cluster: {
          server: 'https://kube.example.com:6443',
          'certificate-authority-data': CERTIFICATE_AUTHORITY_DATA,
        },
      },
    ],
    users: [{ name: 'assessor', user: { token: KUBECONFIG_SECRETS.token } }],
    contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'assessor' } }],
  };
}

/** The base kubeconfig as YAML, after `mutate`. */
export function kubeconfigYaml(mutate: (document: KubeconfigDocument) => void = () => undefined): string {
  const document = baseDocument();
  mutate(document);
  return stringify(document);
}

const withCluster = (fields: Record<string, unknown>) =>
  kubeconfigYaml((document) => Object.assign(document.clusters[0]!.cluster, fields));
const withUser = (fields: Record<string, unknown>) =>
  kubeconfigYaml((document) => {
    document.users[0]!.user = fields;
  });
const addedToUser = (fields: Record<string, unknown>) =>
  kubeconfigYaml((document) => Object.assign(document.users[0]!.user, fields));
const withServer = (server: string) => withCluster({ server });

const EXEC = { apiVersion: 'client.authentication.k8s.io/v1', command: 'sh', args: ['-c', 'id'] };

/** `exec` reaching the user only through a YAML merge key, which kubectl's YAML reader applies. */
const EXEC_BEHIND_MERGE_KEY = `apiVersion: v1
kind: Config
current-context: prod
preferences: &plugin
  exec: {apiVersion: client.authentication.k8s.io/v1, command: sh}
clusters:
  - name: prod
    cluster: {server: "https://kube.example.com:6443"}
users:
  - name: assessor
    user:
      <<: *plugin
      token: ${KUBECONFIG_SECRETS.token}
contexts:
  - name: prod
    context: {cluster: prod, user: assessor}
`;

function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const current = String.fromCharCode(97 + level);
    lines.push(`${current}: &${current} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${kubeconfigYaml()}${lines.join('\n')}\n`;
}

export interface RefusedKubeconfigCase {
  name: string;
  kubeconfig: string;
  context?: string;
  code: ErrorCode;
}

export const REFUSED_KUBECONFIG_CASES: RefusedKubeconfigCase[] = [
  {
    name: 'user.exec',
    kubeconfig: addedToUser({ exec: EXEC }),
    code: ErrorCode.ClusterKubeconfigExecForbidden,
  },
  {
    name: 'user.exec behind a YAML merge key',
    kubeconfig: EXEC_BEHIND_MERGE_KEY,
    code: ErrorCode.ClusterKubeconfigExecForbidden,
  },
  {
    name: 'user.auth-provider (gcp)',
    kubeconfig: withUser({
      'auth-provider': { name: 'gcp', config: { 'cmd-path': '/bin/sh', 'cmd-args': '-c id' } },
    }),
    code: ErrorCode.ClusterKubeconfigAuthProviderForbidden,
  },
  {
    name: 'user.auth-provider (oidc)',
    kubeconfig: withUser({
      'auth-provider': { name: 'oidc', config: { 'id-token': 'x', 'client-id': 'y' } },
    }),
    code: ErrorCode.ClusterKubeconfigAuthProviderForbidden,
  },
  {
    name: 'user.tokenFile',
    kubeconfig: withUser({ tokenFile: '/etc/kubeassay/token' }),
    code: ErrorCode.ClusterKubeconfigTokenFileForbidden,
  },
  {
    name: 'user.token-file (the spelling client-node reads)',
    kubeconfig: withUser({ 'token-file': '/etc/passwd' }),
    code: ErrorCode.ClusterKubeconfigTokenFileForbidden,
  },
  {
    name: 'cluster.certificate-authority',
    kubeconfig: withCluster({ 'certificate-authority': '/etc/ssl/certs/ca.pem' }),
    code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
  },
  {
    name: 'user.client-certificate and client-key',
    kubeconfig: withUser({
      'client-certificate': '/root/.kube/client.crt',
      'client-key': '/root/.kube/client.key',
    }),
    code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
  },
  {
    name: 'user.client-key beside a token',
    kubeconfig: addedToUser({ 'client-key': 'client.key' }),
    code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
  },
  {
    name: 'cluster.insecure-skip-tls-verify: true',
    kubeconfig: withCluster({ 'insecure-skip-tls-verify': true }),
    code: ErrorCode.ClusterKubeconfigInsecureTlsForbidden,
  },
  {
    name: 'cluster.insecure-skip-tls-verify: yes (a YAML 1.1 boolean)',
    kubeconfig: kubeconfigYaml().replace(/^( +)server:/m, '$1insecure-skip-tls-verify: yes\n$1server:'),
    code: ErrorCode.ClusterKubeconfigInsecureTlsForbidden,
  },
  {
    name: 'cluster.proxy-url (http)',
    kubeconfig: withCluster({ 'proxy-url': 'http://proxy.example.com:3128' }),
    code: ErrorCode.ClusterKubeconfigProxyForbidden,
  },
  {
    name: 'cluster.proxy-url (socks5)',
    kubeconfig: withCluster({ 'proxy-url': 'socks5://127.0.0.1:1080' }),
    code: ErrorCode.ClusterKubeconfigProxyForbidden,
  },
  {
    name: 'user.as (impersonation)',
    kubeconfig: addedToUser({ as: 'system:admin' }),
    code: ErrorCode.ClusterKubeconfigImpersonationUnsupported,
  },
  {
    name: 'server over http',
    kubeconfig: withServer('http://kube.example.com'),
    code: ErrorCode.ClusterKubeconfigServerInvalid,
  },
  {
    name: 'server missing',
    kubeconfig: kubeconfigYaml((document) => delete document.clusters[0]!.cluster['server']),
    code: ErrorCode.ClusterKubeconfigServerInvalid,
  },
  {
    name: 'server not a URL',
    kubeconfig: withServer('kube.example.com:6443'),
    code: ErrorCode.ClusterKubeconfigServerInvalid,
  },
  {
    name: 'server with user information',
    kubeconfig: withServer('https://admin:hunter2@kube.example.com'),
    code: ErrorCode.ClusterKubeconfigServerInvalid,
  },
  {
    name: 'user without credentials',
    kubeconfig: withUser({}),
    code: ErrorCode.ClusterKubeconfigCredentialsMissing,
  },
  {
    name: 'client certificate without its key',
    kubeconfig: withUser({ 'client-certificate-data': CLIENT_CERTIFICATE_DATA }),
    code: ErrorCode.ClusterKubeconfigCredentialsMissing,
  },
  {
    name: 'client key without its certificate, beside a token',
    kubeconfig: addedToUser({ 'client-key-data': KUBECONFIG_SECRETS.clientKeyData }),
    code: ErrorCode.ClusterKubeconfigCredentialsMissing,
  },
  {
    name: 'username without password',
    kubeconfig: withUser({ username: 'assessor' }),
    code: ErrorCode.ClusterKubeconfigCredentialsMissing,
  },
  {
    name: 'context without a user',
    kubeconfig: kubeconfigYaml((document) => delete document.contexts[0]!.context['user']),
    code: ErrorCode.ClusterKubeconfigCredentialsMissing,
  },
  {
    name: 'requested context absent',
    kubeconfig: kubeconfigYaml(),
    context: 'staging',
    code: ErrorCode.ClusterKubeconfigContextNotFound,
  },
  {
    name: 'no context requested and no current-context',
    kubeconfig: kubeconfigYaml((document) => delete document['current-context']),
    code: ErrorCode.ClusterKubeconfigContextNotFound,
  },
  {
    name: 'not YAML',
    kubeconfig: 'clusters: [\n  {name: prod\n',
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'a YAML list',
    kubeconfig: '- apiVersion: v1\n  kind: Config\n',
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'another kind',
    kubeconfig: kubeconfigYaml((document) => (document.kind = 'Pod')),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'two documents',
    kubeconfig: `${kubeconfigYaml()}---\n${kubeconfigYaml()}`,
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'a duplicate key',
    kubeconfig: kubeconfigYaml().replace('kind: Config', 'kind: Config\nkind: Config'),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'two users with the selected name',
    kubeconfig: kubeconfigYaml((document) => document.users.push({ name: 'assessor', user: { exec: EXEC } })),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'context naming a cluster that is not there',
    kubeconfig: kubeconfigYaml((document) => (document.contexts[0]!.context['cluster'] = 'gone')),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'a token that is not a string',
    kubeconfig: withUser({ token: 12345 }),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'certificate-authority-data that is not base64',
    kubeconfig: withCluster({ 'certificate-authority-data': 'not base64!' }),
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  { name: 'an alias bomb', kubeconfig: aliasBomb(), code: ErrorCode.ClusterKubeconfigMalformed },
  {
    name: 'deep nesting',
    kubeconfig: `${kubeconfigYaml()}preferences: ${'['.repeat(100)}${']'.repeat(100)}\n`,
    code: ErrorCode.ClusterKubeconfigMalformed,
  },
  {
    name: 'more than 256 KiB',
    kubeconfig: `${kubeconfigYaml()}# ${'x'.repeat(256 * 1024)}\n`,
    code: ErrorCode.BodyTooLarge,
  },
];

/**
 * Valid kubeconfigs whose server address is refused under the default policy (no loopback, no private). The
 * hosts are IP literals, which need no DNS, and `localhost`, which every resolver answers locally.
 */
export const REFUSED_ADDRESS_CASES: RefusedKubeconfigCase[] = [
  ['AWS, GCP and Azure metadata', 'https://169.254.169.254', ErrorCode.AddressMetadataForbidden],
  ['AWS metadata over IPv6', 'https://[fd00:ec2::254]', ErrorCode.AddressMetadataForbidden],
  ['metadata as IPv4-mapped IPv6', 'https://[::ffff:169.254.169.254]', ErrorCode.AddressMetadataForbidden],
  ['Alibaba metadata', 'https://100.100.100.200', ErrorCode.AddressMetadataForbidden],
  ['Azure WireServer', 'https://168.63.129.16', ErrorCode.AddressMetadataForbidden],
  ['link-local', 'https://169.254.10.1:6443', ErrorCode.AddressLinkLocalForbidden],
  ['IPv6 link-local', 'https://[fe80::1]:6443', ErrorCode.AddressLinkLocalForbidden],
  ['loopback', 'https://127.0.0.1:6443', ErrorCode.AddressLoopbackForbidden],
  ['loopback in octal', 'https://0177.0.0.1:6443', ErrorCode.AddressLoopbackForbidden],
  ['IPv6 loopback', 'https://[::1]:6443', ErrorCode.AddressLoopbackForbidden],
  ['localhost', 'https://localhost:6443', ErrorCode.AddressLoopbackForbidden],
  ['RFC 1918', 'https://10.0.0.1:6443', ErrorCode.AddressPrivateForbidden],
  ['CGNAT', 'https://100.64.0.1:6443', ErrorCode.AddressPrivateForbidden],
  ['IPv6 unique-local', 'https://[fd12:3456::1]:6443', ErrorCode.AddressPrivateForbidden],
  ['unspecified', 'https://0.0.0.0:6443', ErrorCode.AddressNonRoutableForbidden],
  ['IPv6 unspecified', 'https://[::]:6443', ErrorCode.AddressNonRoutableForbidden],
  ['multicast', 'https://224.0.0.1', ErrorCode.AddressNonRoutableForbidden],
  ['a name that does not resolve (RFC 6761 .invalid)', 'https://kube.invalid', ErrorCode.AddressUnresolvable],
].map(([name, server, code]) => ({ name: name!, kubeconfig: withServer(server!), code: code as ErrorCode }));

export interface AcceptedKubeconfigCase {
  name: string;
  kubeconfig: string;
  context?: string;
  allowInsecureTls?: boolean;
  credentials: ClusterCredentials;
}

const SERVER = 'https://kube.example.com:6443';

export const ACCEPTED_KUBECONFIG_CASES: AcceptedKubeconfigCase[] = [
  {
    name: 'bearer token',
    kubeconfig: kubeconfigYaml(),
    credentials: {
      server: SERVER,
      certificateAuthorityData: CERTIFICATE_AUTHORITY_DATA,
      insecureSkipTlsVerify: false,
      user: { token: KUBECONFIG_SECRETS.token },
    },
  },
  {
    name: 'client certificate and key',
    kubeconfig: withUser({
      'client-certificate-data': CLIENT_CERTIFICATE_DATA,
      'client-key-data': KUBECONFIG_SECRETS.clientKeyData,
    }),
    credentials: {
      server: SERVER,
      certificateAuthorityData: CERTIFICATE_AUTHORITY_DATA,
      insecureSkipTlsVerify: false,
      user: {
        clientCertificateData: CLIENT_CERTIFICATE_DATA,
        clientKeyData: KUBECONFIG_SECRETS.clientKeyData,
      },
    },
  },
  {
    name: 'basic authentication',
    kubeconfig: withUser({ username: 'assessor', password: KUBECONFIG_SECRETS.password }),
    credentials: {
      server: SERVER,
      certificateAuthorityData: CERTIFICATE_AUTHORITY_DATA,
      insecureSkipTlsVerify: false,
      user: { username: 'assessor', password: KUBECONFIG_SECRETS.password },
    },
  },
  {
    name: 'a named context beside a current one whose user runs a command',
    kubeconfig: kubeconfigYaml((document) => {
      document.users[0]!.user = { exec: EXEC, 'token-file': '/etc/passwd' };
      document.clusters.push({
        name: 'staging',
        cluster: { server: 'https://staging.example.com/k8s/clusters/c-1/', 'tls-server-name': 'kubernetes' },
      });
      document.users.push({ name: 'reader', user: { token: KUBECONFIG_SECRETS.token } });
      document.contexts.push({
        name: 'staging',
        context: { cluster: 'staging', user: 'reader', namespace: 'x' },
      });
    }),
    context: 'staging',
    credentials: {
      server: 'https://staging.example.com/k8s/clusters/c-1',
      tlsServerName: 'kubernetes',
      insecureSkipTlsVerify: false,
      user: { token: KUBECONFIG_SECRETS.token },
    },
  },
  {
    name: 'insecure-skip-tls-verify where the deployment allows it',
    kubeconfig: kubeconfigYaml((document) => {
      document.clusters[0]!.cluster = { server: SERVER, 'insecure-skip-tls-verify': true };
    }),
    allowInsecureTls: true,
    credentials: { server: SERVER, insecureSkipTlsVerify: true, user: { token: KUBECONFIG_SECRETS.token } },
  },
];
