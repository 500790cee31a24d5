import { ErrorCode } from '../../../common/errors/error-code';
import type { ClusterCredentials } from './cluster-credentials';
import { base64Field, kubeconfigError, type KubeconfigEntry, stringField } from './kubeconfig-fields';
import { parseKubeconfigYaml } from './parse-kubeconfig-yaml';
import { type SelectedContext, selectContext } from './select-context';
import { refuseUnsafeFields } from './unsafe-fields';

export interface ReadKubeconfigOptions {
  /** Whether `insecure-skip-tls-verify: true` is accepted (KUBEASSAY_ALLOW_INSECURE_TLS). */
  allowInsecureTls: boolean;
}

/**
 * Reads a kubeconfig submitted over the API into the credentials of its selected context, refusing anything
 * that would run a command, read a file, leave through a proxy or weaken TLS, each with its own code. The
 * server's address is not checked here (that needs DNS): call `resolveAllowedAddresses` on its host next.
 *
 * The decisions are taken on the YAML itself, not on @kubernetes/client-node's model: its `loadFromString` (1.4)
 * reads every user's `token-file` from disk while loading, drops fields it does not know (`tokenFile`, `as-*`)
 * and keeps only the first of two same-named entries. It is therefore never given submitted text.
 */
export function readKubeconfig(
  text: string,
  context: string | undefined,
  options: ReadKubeconfigOptions,
): ClusterCredentials {
  const selected = selectContext(parseKubeconfigYaml(text), context);
  refuseUnsafeFields(selected);
  const { cluster } = selected;
  const tlsServerName = stringField(cluster, 'tls-server-name');
  const certificateAuthorityData = base64Field(cluster, 'certificate-authority-data');
  return {
    server: serverUrl(cluster),
    ...(tlsServerName !== undefined && { tlsServerName }),
    ...(certificateAuthorityData !== undefined && { certificateAuthorityData }),
    insecureSkipTlsVerify: insecureSkipTlsVerify(cluster, options),
    user: userCredentials(selected),
  };
}

function insecureSkipTlsVerify(cluster: KubeconfigEntry, options: ReadKubeconfigOptions): boolean {
  const field = `${cluster.path}.insecure-skip-tls-verify`;
  const value = cluster.fields['insecure-skip-tls-verify'] ?? false;
  if (typeof value !== 'boolean') {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, field, 'must be true or false');
  }
  if (value && !options.allowInsecureTls) {
    throw kubeconfigError(
      ErrorCode.ClusterKubeconfigInsecureTlsForbidden,
      field,
      "is not accepted: this deployment verifies every cluster's TLS certificate; give its CA in certificate-authority-data",
    );
  }
  return value;
}

/** The server as the clients will use it: `new URL()` normalises `0177.0.0.1` and `0x7f.1` to `127.0.0.1`. */
function serverUrl(cluster: KubeconfigEntry): string {
  const field = `${cluster.path}.server`;
  const invalid = () =>
    kubeconfigError(
      ErrorCode.ClusterKubeconfigServerInvalid,
      field,
      'must be an https URL with a host and no user information, query or fragment',
    );
  const server = stringField(cluster, 'server');
  if (server === undefined || !URL.canParse(server)) {
    throw invalid();
  }
  const url = new URL(server);
  if (
    url.protocol !== 'https:' ||
    url.hostname === '' ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw invalid();
  }
  return url.href.replace(/\/$/, '');
}

function userCredentials({ context, user }: SelectedContext): ClusterCredentials['user'] {
  if (!user) {
    return missingCredentials(`${context.path}.user`, 'must be set: without a user there are no credentials');
  }
  const credentials = {
    token: stringField(user, 'token'),
    clientCertificateData: base64Field(user, 'client-certificate-data'),
    clientKeyData: base64Field(user, 'client-key-data'),
    username: stringField(user, 'username'),
    password: stringField(user, 'password'),
  };
  const { token, clientCertificateData, clientKeyData, username, password } = credentials;
  if ((clientCertificateData === undefined) !== (clientKeyData === undefined)) {
    const missing = clientKeyData === undefined ? 'client-key-data' : 'client-certificate-data';
    return missingCredentials(`${user.path}.${missing}`, 'must be set: a client certificate needs its key');
  }
  if ((username === undefined) !== (password === undefined)) {
    const missing = password === undefined ? 'password' : 'username';
    return missingCredentials(`${user.path}.${missing}`, 'must be set: basic authentication needs both');
  }
  if (token === undefined && clientCertificateData === undefined && username === undefined) {
    return missingCredentials(
      user.path,
      'has no token, client certificate and key, or username and password',
    );
  }
  return Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== undefined));
}

function missingCredentials(field: string, reason: string): never {
  throw kubeconfigError(ErrorCode.ClusterKubeconfigCredentialsMissing, field, reason);
}
