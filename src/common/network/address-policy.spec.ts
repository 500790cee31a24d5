import type { LookupAddress } from 'node:dns';
import { Agent, createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../errors/error-code';
import {
  type AddressPolicy,
  addressRefusal,
  guardedLookup,
  type LookupAllCallback,
  resolveAllowedAddresses,
} from './address-policy';

const STRICT: AddressPolicy = { allowLoopback: false, allowPrivate: false };
const OPEN: AddressPolicy = { allowLoopback: true, allowPrivate: true };
const LOOPBACK_ONLY: AddressPolicy = { allowLoopback: true, allowPrivate: false };
const PRIVATE_ONLY: AddressPolicy = { allowLoopback: false, allowPrivate: true };

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** A resolver the test fails through if it is asked at all: IP literals must not be looked up. */
const noLookup = () => Promise.reject(new Error('an IP literal must not be looked up'));

function resolverFor(addresses: LookupAddress[]) {
  return () => Promise.resolve(addresses);
}

describe('addressRefusal', () => {
  it.each<[string, AddressPolicy, ErrorCode | undefined]>([
    ['8.8.8.8', STRICT, undefined],
    ['2606:4700::1111', STRICT, undefined],
    ['127.0.0.1', STRICT, ErrorCode.AddressLoopbackForbidden],
    ['127.0.0.1', PRIVATE_ONLY, ErrorCode.AddressLoopbackForbidden],
    ['127.0.0.1', LOOPBACK_ONLY, undefined],
    ['::1', LOOPBACK_ONLY, undefined],
    ['10.0.0.1', STRICT, ErrorCode.AddressPrivateForbidden],
    ['10.0.0.1', LOOPBACK_ONLY, ErrorCode.AddressPrivateForbidden],
    ['10.0.0.1', PRIVATE_ONLY, undefined],
    ['100.64.0.1', PRIVATE_ONLY, undefined],
    ['fd12::1', PRIVATE_ONLY, undefined],
    // Refused whatever the policy allows.
    ['169.254.169.254', OPEN, ErrorCode.AddressMetadataForbidden],
    ['fd00:ec2::254', OPEN, ErrorCode.AddressMetadataForbidden],
    ['100.100.100.200', OPEN, ErrorCode.AddressMetadataForbidden],
    ['168.63.129.16', OPEN, ErrorCode.AddressMetadataForbidden],
    ['::ffff:169.254.169.254', OPEN, ErrorCode.AddressMetadataForbidden],
    ['169.254.1.1', OPEN, ErrorCode.AddressLinkLocalForbidden],
    ['fe80::1%eth0', OPEN, ErrorCode.AddressLinkLocalForbidden],
    ['0.0.0.0', OPEN, ErrorCode.AddressNonRoutableForbidden],
    ['::', OPEN, ErrorCode.AddressNonRoutableForbidden],
    ['224.0.0.1', OPEN, ErrorCode.AddressNonRoutableForbidden],
    // Not a canonical literal: nothing Node would connect to as such.
    ['0177.0.0.1', OPEN, ErrorCode.AddressNonRoutableForbidden],
  ])('%s under %o: %s', (address, policy, code) => {
    expect(addressRefusal(address, policy)?.code).toBe(code);
  });

  it('never names the address in its message', () => {
    expect(addressRefusal('10.1.2.3', STRICT)?.message).not.toContain('10.1.2.3');
  });
});

describe('resolveAllowedAddresses', () => {
  it('returns every address of a name that resolves to allowed ones', async () => {
    const lookup = resolverFor([v4('8.8.8.8'), v6('2001:4860:4860::8888')]);
    await expect(resolveAllowedAddresses('kube.example.com', STRICT, lookup)).resolves.toEqual([
      '8.8.8.8',
      '2001:4860:4860::8888',
    ]);
  });

  it('refuses a name when any one of its addresses is refused', async () => {
    const lookup = resolverFor([v4('8.8.8.8'), v4('169.254.169.254')]);
    await expect(resolveAllowedAddresses('kube.example.com', OPEN, lookup)).rejects.toMatchObject({
      code: ErrorCode.AddressMetadataForbidden,
    });
  });

  it('refuses a name that does not resolve, or resolves to nothing', async () => {
    const notFound = () =>
      Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    for (const lookup of [notFound, resolverFor([])]) {
      await expect(resolveAllowedAddresses('nowhere.example', OPEN, lookup)).rejects.toMatchObject({
        code: ErrorCode.AddressUnresolvable,
      });
    }
    await expect(resolveAllowedAddresses('', OPEN, noLookup)).rejects.toMatchObject({
      code: ErrorCode.AddressUnresolvable,
    });
  });

  it('checks IP literals, bracketed or not, without looking them up', async () => {
    await expect(resolveAllowedAddresses('[::1]', STRICT, noLookup)).rejects.toMatchObject({
      code: ErrorCode.AddressLoopbackForbidden,
    });
    await expect(resolveAllowedAddresses('[fd00:ec2::254]', OPEN, noLookup)).rejects.toMatchObject({
      code: ErrorCode.AddressMetadataForbidden,
    });
    await expect(resolveAllowedAddresses('8.8.8.8', STRICT, noLookup)).resolves.toEqual(['8.8.8.8']);
  });

  // What the registration route passes: `new URL(server).hostname`, which normalises legacy IPv4 spellings
  // (octal, hex, single number, trailing dot) to dotted decimal and compresses IPv6.
  it.each<[string, string, ErrorCode]>([
    ['https://0177.0.0.1:6443', '127.0.0.1', ErrorCode.AddressLoopbackForbidden],
    ['https://2130706433', '127.0.0.1', ErrorCode.AddressLoopbackForbidden],
    ['https://0x7f.1', '127.0.0.1', ErrorCode.AddressLoopbackForbidden],
    ['https://0xa9.0xfe.0xa9.0xfe', '169.254.169.254', ErrorCode.AddressMetadataForbidden],
    ['https://169.254.169.254./', '169.254.169.254', ErrorCode.AddressMetadataForbidden],
    ['https://[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]', ErrorCode.AddressMetadataForbidden],
    ['https://[0:0:0:0:0:0:0:1]', '[::1]', ErrorCode.AddressLoopbackForbidden],
    ['https://[::]', '[::]', ErrorCode.AddressNonRoutableForbidden],
  ])('%s: hostname %s, refused with %s', async (server, hostname, code) => {
    expect(new URL(server).hostname).toBe(hostname);
    await expect(resolveAllowedAddresses(hostname, STRICT, noLookup)).rejects.toMatchObject({ code });
  });

  it('goes through the system resolver for names, which reads legacy IPv4 spellings as inet_aton does', async () => {
    await expect(resolveAllowedAddresses('localhost', STRICT)).rejects.toMatchObject({
      code: ErrorCode.AddressLoopbackForbidden,
    });
    await expect(resolveAllowedAddresses('0177.0.0.1', STRICT)).rejects.toMatchObject({
      code: ErrorCode.AddressLoopbackForbidden,
    });
    await expect(resolveAllowedAddresses('localhost', LOOPBACK_ONLY)).resolves.toContain('127.0.0.1');
  });
});

/** A callback resolver answering from a list of answers, one per call, and recording the options it got. */
function scriptedResolver(...answers: LookupAddress[][]) {
  const calls: { hostname: string; options: object }[] = [];
  const lookup: LookupAllCallback = (hostname, options, callback) => {
    calls.push({ hostname, options });
    const answer = answers[Math.min(calls.length, answers.length) - 1] ?? [];
    setImmediate(() => callback(null, answer));
  };
  return { lookup, calls };
}

function lookUp(policy: AddressPolicy, lookup: LookupAllCallback, options: object) {
  return new Promise<{ error: NodeJS.ErrnoException | null; address: unknown; family?: number }>((resolve) =>
    guardedLookup(policy, lookup)('kube.example.com', options, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );
}

describe('guardedLookup', () => {
  it('answers in the shape asked for, from a resolver always asked for every address', async () => {
    const { lookup, calls } = scriptedResolver([v6('2001:4860:4860::8888'), v4('8.8.8.8')]);
    await expect(lookUp(STRICT, lookup, { family: 6 })).resolves.toEqual({
      error: null,
      address: '2001:4860:4860::8888',
      family: 6,
    });
    await expect(lookUp(STRICT, lookup, { all: true })).resolves.toMatchObject({
      error: null,
      address: [v6('2001:4860:4860::8888'), v4('8.8.8.8')],
    });
    expect(calls).toEqual([
      { hostname: 'kube.example.com', options: { family: 6, all: true } },
      { hostname: 'kube.example.com', options: { all: true } },
    ]);
  });

  it('fails the lookup with the refusal when any address is refused', async () => {
    const { lookup } = scriptedResolver([v4('8.8.8.8'), v4('10.0.0.7')]);
    const { error } = await lookUp(STRICT, lookup, {});
    expect(error).toMatchObject({ code: ErrorCode.AddressPrivateForbidden });
    await expect(lookUp(PRIVATE_ONLY, lookup, {})).resolves.toMatchObject({
      error: null,
      address: '8.8.8.8',
    });
  });

  it('passes resolver errors through and refuses an empty answer', async () => {
    const failing: LookupAllCallback = (_hostname, _options, callback) =>
      callback(Object.assign(new Error('getaddrinfo EAI_AGAIN'), { code: 'EAI_AGAIN' }), []);
    await expect(lookUp(OPEN, failing, {})).resolves.toMatchObject({ error: { code: 'EAI_AGAIN' } });
    await expect(lookUp(OPEN, scriptedResolver([]).lookup, {})).resolves.toMatchObject({
      error: { code: ErrorCode.AddressUnresolvable },
    });
  });
});

describe('guardedLookup on a real connection', () => {
  let server: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => response.writeHead(204).end());
    server.on('connection', () => connections++);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function request(lookup: ReturnType<typeof guardedLookup>) {
    return new Promise<number>((resolve, reject) => {
      get({ host: 'kube.example.com', port, agent: new Agent({ lookup }) }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }).on('error', reject);
    });
  }

  it('refuses a name that passed registration and resolves to a refused address when connecting', async () => {
    // DNS rebinding: a public answer while registering, loopback by the time the collector connects.
    const { lookup } = scriptedResolver([v4('8.8.8.8')], [v4('127.0.0.1')]);
    const resolveAll = (hostname: string, options: object) =>
      new Promise<LookupAddress[]>((resolve) =>
        lookup(hostname, { ...options, all: true }, (_e, a) => resolve(a)),
      );
    await expect(resolveAllowedAddresses('kube.example.com', STRICT, resolveAll)).resolves.toEqual([
      '8.8.8.8',
    ]);
    const before = connections;
    await expect(request(guardedLookup(STRICT, lookup))).rejects.toMatchObject({
      code: ErrorCode.AddressLoopbackForbidden,
    });
    expect(connections).toBe(before);
  });

  it('connects when the policy allows the address', async () => {
    const { lookup } = scriptedResolver([v4('127.0.0.1')]);
    await expect(request(guardedLookup(LOOPBACK_ONLY, lookup))).resolves.toBe(204);
  });
});
