import { promises as dns } from 'node:dns';
import type { DomainError } from '../../src/common/errors/domain-error';
import { ErrorCode } from '../../src/common/errors/error-code';
import { resolveAllowedAddresses } from '../../src/common/network/address-policy';
import { readKubeconfig } from '../../src/modules/clusters/kubeconfig/read-kubeconfig';
import {
  ACCEPTED_KUBECONFIG_CASES,
  KUBECONFIG_SECRETS,
  REFUSED_ADDRESS_CASES,
  REFUSED_KUBECONFIG_CASES,
} from '../support/kubeconfig-cases';

const DEFAULT_POLICY = { allowLoopback: false, allowPrivate: false, allowInsecureTls: false };

/** What the registration route does before storing anything: read the kubeconfig, then check its server. */
async function register(kubeconfig: string, context: string | undefined, allowInsecureTls = false) {
  const credentials = readKubeconfig(kubeconfig, context, { allowInsecureTls });
  await resolveAllowedAddresses(new URL(credentials.server).hostname, DEFAULT_POLICY, (hostname, options) =>
    // Only the address cases need real DNS; every other server is the base's name, taken as public here.
    hostname === 'kube.example.com' || hostname === 'staging.example.com'
      ? Promise.resolve([{ address: '93.184.216.34', family: 4 }])
      : dns.lookup(hostname, options),
  );
  return credentials;
}

async function refusal(kubeconfig: string, context: string | undefined): Promise<DomainError> {
  try {
    await register(kubeconfig, context);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('the kubeconfig was accepted');
}

describe('kubeconfig registration: refusals', () => {
  it.each(REFUSED_KUBECONFIG_CASES.map((entry) => [entry.name, entry] as const))(
    '%s',
    async (_name, entry) => {
      const error = await refusal(entry.kubeconfig, entry.context);
      expect(error.code).toBe(entry.code);
      for (const secret of Object.values(KUBECONFIG_SECRETS)) {
        expect(error.message).not.toContain(secret);
        expect(JSON.stringify(error.details ?? {})).not.toContain(secret);
      }
    },
  );

  it.each(REFUSED_ADDRESS_CASES.map((entry) => [entry.name, entry] as const))(
    'server address: %s',
    async (_name, entry) => {
      expect((await refusal(entry.kubeconfig, entry.context)).code).toBe(entry.code);
    },
  );

  it('covers every code registration refuses with', () => {
    const codes = new Set([...REFUSED_KUBECONFIG_CASES, ...REFUSED_ADDRESS_CASES].map((entry) => entry.code));
    const registrationCodes = Object.values(ErrorCode).filter(
      (code) => code.startsWith('CLUSTER_KUBECONFIG_') || code.startsWith('ADDRESS_'),
    );
    expect([...codes].sort()).toEqual([...registrationCodes, ErrorCode.BodyTooLarge].sort());
  });
});

describe('kubeconfig registration: accepted', () => {
  it.each(ACCEPTED_KUBECONFIG_CASES.map((entry) => [entry.name, entry] as const))(
    '%s',
    async (_name, entry) => {
      await expect(register(entry.kubeconfig, entry.context, entry.allowInsecureTls)).resolves.toStrictEqual(
        entry.credentials,
      );
    },
  );
});
