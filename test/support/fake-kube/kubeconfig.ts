import { stringify } from 'yaml';
import type { AuthenticationMethod, KubeconfigOptions, PemCertificate } from './types';

export interface KubeconfigSource {
  url: string;
  caPem: string;
  token: string;
  clientCertificate: PemCertificate;
}

/** Kubeconfig YAML in kubectl's layout, with every credential inline (`*-data`, base64 of the PEM). */
export function kubeconfigYaml(
  source: KubeconfigSource,
  auth: AuthenticationMethod,
  options: KubeconfigOptions = {},
): string {
  const name = options.name ?? 'fake-kube';
  const user =
    auth === 'token'
      ? { token: options.token ?? source.token }
      : {
          'client-certificate-data': base64(source.clientCertificate.certPem),
          'client-key-data': base64(source.clientCertificate.keyPem),
        };
  return stringify(
    {
      apiVersion: 'v1',
      clusters: [
        {
          cluster: {
            'certificate-authority-data': base64(source.caPem),
            server: options.server ?? source.url,
          },
          name,
        },
      ],
      contexts: [{ context: { cluster: name, user: name }, name }],
      'current-context': name,
      kind: 'Config',
      preferences: {},
      users: [{ name, user }],
    },
    { indentSeq: false },
  );
}

function base64(text: string): string {
  return Buffer.from(text).toString('base64');
}
