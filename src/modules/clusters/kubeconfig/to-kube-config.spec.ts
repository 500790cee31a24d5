import childProcess from 'node:child_process';
import fs from 'node:fs';
import { Agent } from 'node:https';
import { type AddressInfo, createServer, type Server } from 'node:net';
import { HttpMethod, RequestContext, VersionApi } from '@kubernetes/client-node';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ClusterCredentials } from './cluster-credentials';
import { toKubeConfig } from './to-kube-config';

const STRICT = { allowLoopback: false, allowPrivate: false };
const LOOPBACK_ALLOWED = { allowLoopback: true, allowPrivate: false };

const base64 = (text: string) => Buffer.from(text).toString('base64');
const CA = '-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nclient\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n';

const CREDENTIALS: ClusterCredentials = {
  server: 'https://kube.example.com:6443',
  tlsServerName: 'kubernetes.default',
  certificateAuthorityData: base64(CA),
  insecureSkipTlsVerify: false,
  user: { token: 'to-kube-config-token', clientCertificateData: base64(CERT), clientKeyData: base64(KEY) },
};

describe('toKubeConfig', () => {
  afterEach(() => jest.restoreAllMocks());

  it('holds exactly one cluster, user and context, with nothing that points at a file or a command', () => {
    const kubeConfig = toKubeConfig(CREDENTIALS, STRICT);
    expect(kubeConfig.getContexts()).toHaveLength(1);
    const [cluster, ...otherClusters] = kubeConfig.getClusters();
    const [user, ...otherUsers] = kubeConfig.getUsers();
    expect([otherClusters, otherUsers]).toEqual([[], []]);
    expect(cluster).toMatchObject({ server: CREDENTIALS.server, skipTLSVerify: false });
    expect([cluster?.caFile, cluster?.proxyUrl]).toEqual([undefined, undefined]);
    expect([user?.certFile, user?.keyFile, user?.exec, user?.authProvider]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('prepares requests from inline data only: no file read, no process spawned', async () => {
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    const spawn = jest.spyOn(childProcess, 'spawn');
    const kubeConfig = toKubeConfig(CREDENTIALS, STRICT);

    const context = new RequestContext(`${CREDENTIALS.server}/version`, HttpMethod.GET);
    await kubeConfig.applySecurityAuthentication(context);
    const agent = context.getAgent() as Agent;
    expect(agent).toBeInstanceOf(Agent);
    expect(agent.options).toMatchObject({
      ca: Buffer.from(CA),
      cert: Buffer.from(CERT),
      key: Buffer.from(KEY),
      servername: 'kubernetes.default',
      lookup: expect.any(Function) as unknown,
    });
    expect(context.getHeaders()['Authorization']).toBe('Bearer to-kube-config-token');

    const options: { agent?: unknown } = {};
    await kubeConfig.applyToHTTPSOptions(options);
    expect((options.agent as Agent).options.lookup).toEqual(expect.any(Function));

    expect(readFileSync).not.toHaveBeenCalled();
    expect(spawn).not.toHaveBeenCalled();
  });

  it('sends basic authentication when that is what was registered', async () => {
    const kubeConfig = toKubeConfig({ ...CREDENTIALS, user: { username: 'me', password: 'pw' } }, STRICT);
    const context = new RequestContext(`${CREDENTIALS.server}/version`, HttpMethod.GET);
    await kubeConfig.applySecurityAuthentication(context);
    expect(context.getHeaders()['Authorization']).toBe(`Basic ${base64('me:pw')}`);
  });

  it('refuses an IP-literal server at once, since no lookup will ever see it', () => {
    const codeOf = (server: string, policy: typeof STRICT) => {
      try {
        toKubeConfig({ ...CREDENTIALS, server }, policy);
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return undefined;
    };
    expect(codeOf('https://169.254.169.254', LOOPBACK_ALLOWED)).toBe(ErrorCode.AddressMetadataForbidden);
    expect(codeOf('https://[::1]:6443', STRICT)).toBe(ErrorCode.AddressLoopbackForbidden);
    expect(codeOf('https://[::1]:6443', LOOPBACK_ALLOWED)).toBeUndefined();
  });
});

describe('toKubeConfig connections', () => {
  let server: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const versionOf = (policy: typeof STRICT) =>
    toKubeConfig(
      { server: `https://localhost:${port}`, insecureSkipTlsVerify: false, user: { token: 't' } },
      policy,
    )
      .makeApiClient(VersionApi)
      .getCode();

  it('checks the address of every API request after resolving the name, before connecting', async () => {
    const before = connections;
    await expect(versionOf(STRICT)).rejects.toMatchObject({ code: ErrorCode.AddressLoopbackForbidden });
    expect(connections).toBe(before);
  });

  it('connects when the policy allows the resolved address', async () => {
    const before = connections;
    await expect(versionOf(LOOPBACK_ALLOWED)).rejects.toThrow();
    expect(connections).toBe(before + 1);
  });
});
