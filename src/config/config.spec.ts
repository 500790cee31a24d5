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
