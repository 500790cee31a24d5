import { stringify } from 'yaml';
import { ErrorCode } from '../../../common/errors/error-code';
import { readKubeconfig } from './read-kubeconfig';

const TOKEN = 'spec-token-0a9b8c7d';

function kubeconfig(
  cluster: Record<string, unknown>,
  user: Record<string, unknown> = { token: TOKEN },
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': 'prod',
    clusters: [{ name: 'prod', cluster }],
    users: [{ name: 'me', user }],
    contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'me' } }],
  });
}

const read = (text: string) => readKubeconfig(text, undefined, { allowInsecureTls: false });

function refusalOf(text: string) {
  try {
    read(text);
  } catch (error) {
    return error as { code: string; message: string; details?: { field?: string } };
  }
  throw new Error('the kubeconfig was accepted');
}

describe('readKubeconfig', () => {
  it('names the refused field by position and never quotes its value', () => {
    const error = refusalOf(
      kubeconfig({ server: 'https://k.example.com' }, { token: TOKEN, 'client-key': TOKEN }),
    );
    expect(error).toMatchObject({
      code: ErrorCode.ClusterKubeconfigFileReferenceForbidden,
      details: { field: 'users[0].user.client-key' },
    });
    expect(error.message).toMatch(/^users\[0\]\.user\.client-key /);
    expect(error.message).not.toContain(TOKEN);
  });

  it('stores the server as the clients will read it', () => {
    expect(read(kubeconfig({ server: 'https://0177.0.0.1:6443/' })).server).toBe('https://127.0.0.1:6443');
    expect(read(kubeconfig({ server: 'https://K8S.Example.COM:443' })).server).toBe(
      'https://k8s.example.com',
    );
    expect(read(kubeconfig({ server: 'https://[0:0::1]:6443/proxy/' })).server).toBe(
      'https://[::1]:6443/proxy',
    );
  });

  it('refuses a server URL with a query or fragment', () => {
    for (const server of [
      'https://k.example.com/?x=1',
      'https://k.example.com/#x',
      'https://',
      'ftp://k.example.com',
    ]) {
      expect(refusalOf(kubeconfig({ server })).code).toBe(ErrorCode.ClusterKubeconfigServerInvalid);
    }
  });

  it('treats null and empty fields as absent, as client-go does', () => {
    const credentials = read(
      kubeconfig(
        { server: 'https://k.example.com', 'certificate-authority': '', 'proxy-url': null },
        { token: TOKEN, exec: null, 'client-key': '', username: '' },
      ),
    );
    expect(credentials.user).toStrictEqual({ token: TOKEN });
  });

  it('keeps base64 data with its line breaks removed', () => {
    const folded = 'QUJD\nREVG\n';
    const credentials = read(
      kubeconfig({ server: 'https://k.example.com', 'certificate-authority-data': folded }),
    );
    expect(credentials.certificateAuthorityData).toBe('QUJDREVG');
  });

  it('refuses insecure-skip-tls-verify that is not a boolean', () => {
    const error = refusalOf(
      kubeconfig({ server: 'https://k.example.com', 'insecure-skip-tls-verify': 'true' }),
    );
    expect(error).toMatchObject({
      code: ErrorCode.ClusterKubeconfigMalformed,
      details: { field: 'clusters[0].cluster.insecure-skip-tls-verify' },
    });
  });

  it('refuses the selected user for exec before anything else it holds', () => {
    const error = refusalOf(
      kubeconfig({ server: 'http://k' }, { exec: { command: 'sh' }, tokenFile: '/t', as: 'x' }),
    );
    expect(error.code).toBe(ErrorCode.ClusterKubeconfigExecForbidden);
  });
});
