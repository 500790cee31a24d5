/**
 * What is kept of a registered kubeconfig: one cluster and one user, inline data only, nothing that names a file,
 * a command, a plugin or a proxy. Data fields stay base64, as in the kubeconfig.
 */
export interface ClusterCredentials {
  /** An https URL, normalised by `new URL()`, without a trailing slash. */
  server: string;
  tlsServerName?: string;
  certificateAuthorityData?: string;
  insecureSkipTlsVerify: boolean;
  user: {
    token?: string;
    clientCertificateData?: string;
    clientKeyData?: string;
    username?: string;
    password?: string;
  };
}
