import { ConfigError, loadConfig } from './config';

describe('loadConfig: cluster network switches', () => {
  it('refuses loopback, private addresses and insecure TLS unless configured', () => {
    expect(loadConfig({}).clusterNetwork).toEqual({
      allowLoopback: false,
      allowPrivate: false,
      allowInsecureTls: false,
    });
  });

  it('turns each switch on by its own variable', () => {
    expect(loadConfig({ KUBEASSAY_ALLOW_LOOPBACK_ADDRESSES: 'true' }).clusterNetwork).toEqual({
      allowLoopback: true,
      allowPrivate: false,
      allowInsecureTls: false,
    });
    expect(loadConfig({ KUBEASSAY_ALLOW_PRIVATE_ADDRESSES: 'true' }).clusterNetwork.allowPrivate).toBe(true);
    expect(loadConfig({ KUBEASSAY_ALLOW_INSECURE_TLS: 'true' }).clusterNetwork.allowInsecureTls).toBe(true);
  });

  it('refuses to start on a value that is not exactly true or false', () => {
    expect(() => loadConfig({ KUBEASSAY_ALLOW_PRIVATE_ADDRESSES: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ KUBEASSAY_ALLOW_INSECURE_TLS: '1' })).toThrow(/KUBEASSAY_ALLOW_INSECURE_TLS/);
  });
});

const production = {
  NODE_ENV: 'production',
  KUBEASSAY_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  KUBEASSAY_API_KEY_PEPPER: 'a-pepper-of-sixteen-or-more',
};

describe('KUBEASSAY_PUBLIC_URL', () => {
  it('is required in production, where share links would otherwise point at localhost', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(loadConfig({ ...production, KUBEASSAY_PUBLIC_URL: 'https://kubeassay.example/' }).publicUrl).toBe(
      'https://kubeassay.example',
    );
  });

  it('defaults to the local port in development', () => {
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it('refuses other schemes, credentials, queries and fragments', () => {
    for (const value of [
      'ftp://x.example',
      'https://u:p@x.example',
      'https://x.example/?a=1',
      'https://x.example/#a',
    ]) {
      expect(() => loadConfig({ KUBEASSAY_PUBLIC_URL: value })).toThrow(ConfigError);
    }
  });
});
