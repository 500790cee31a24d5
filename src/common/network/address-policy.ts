import dns, { type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { AddressClass, classifyAddress } from './address-class';

/**
 * Which outbound addresses a deployment accepts for hosts its users name (a cluster's API server, a Jira base
 * URL). Link-local, cloud metadata and non-routable addresses are refused whatever the policy says.
 */
export interface AddressPolicy {
  allowLoopback: boolean;
  allowPrivate: boolean;
}

export type ResolveAll = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

export type LookupAllCallback = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Messages never name the address: answering with it would turn registration into a DNS oracle. */
const REFUSALS: Record<AddressClass, { code: ErrorCode; message: string } | undefined> = {
  [AddressClass.Public]: undefined,
  [AddressClass.CloudMetadata]: {
    code: ErrorCode.AddressMetadataForbidden,
    message: 'the host resolves to a cloud metadata address, which is never allowed',
  },
  [AddressClass.LinkLocal]: {
    code: ErrorCode.AddressLinkLocalForbidden,
    message: 'the host resolves to a link-local address, which is never allowed',
  },
  [AddressClass.NonRoutable]: {
    code: ErrorCode.AddressNonRoutableForbidden,
    message:
      'the host resolves to an unspecified, multicast, broadcast or reserved address, which is never allowed',
  },
  [AddressClass.Loopback]: {
    code: ErrorCode.AddressLoopbackForbidden,
    message: 'the host resolves to a loopback address, which this deployment does not allow',
  },
  [AddressClass.Private]: {
    code: ErrorCode.AddressPrivateForbidden,
    message: 'the host resolves to a private address, which this deployment does not allow',
  },
};

/** The error for connecting to `address` under `policy`, or undefined when the connection is allowed. */
export function addressRefusal(address: string, policy: AddressPolicy): DomainError | undefined {
  // Only canonical literals are classified: `0177.0.0.1` is no address to connect to, whatever inet_aton says.
  const addressClass = isIP(address) === 0 ? AddressClass.NonRoutable : classifyAddress(address);
  if (
    (addressClass === AddressClass.Loopback && policy.allowLoopback) ||
    (addressClass === AddressClass.Private && policy.allowPrivate)
  ) {
    return undefined;
  }
  const refusal = REFUSALS[addressClass];
  return refusal && new DomainError(refusal.code, refusal.message);
}

/**
 * Throws the refusal for an IP literal. Node connects to an IP-literal host without calling `lookup`, so
 * {@link guardedLookup} never sees one: a connection to a literal must be checked with this beforehand (the
 * literal cannot change between the check and the connection).
 */
export function assertAddressAllowed(address: string, policy: AddressPolicy): void {
  const refusal = addressRefusal(address, policy);
  if (refusal) {
    throw refusal;
  }
}

/** `host` as given by `new URL().hostname`: an IPv6 literal keeps its brackets there. */
function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function unresolvable(): DomainError {
  return new DomainError(ErrorCode.AddressUnresolvable, 'the host does not resolve to any address');
}

/** No address at all is as bad as a refused one: there is nothing that may be connected to. */
function refusalOfAny(addresses: LookupAddress[], policy: AddressPolicy): DomainError | undefined {
  if (addresses.length === 0) {
    return unresolvable();
  }
  for (const { address } of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) {
      return refusal;
    }
  }
  return undefined;
}

/**
 * Resolves `host` (a name, or an IP literal, bracketed or not) and returns its addresses, refusing with the
 * specific code if any one of them is refused: a name with one allowed and one refused address could be
 * connected to either. This is the check at registration; {@link guardedLookup} repeats it on every connection.
 */
export async function resolveAllowedAddresses(
  host: string,
  policy: AddressPolicy,
  lookup: ResolveAll = dns.promises.lookup,
): Promise<string[]> {
  const name = unbracketed(host);
  if (isIP(name) !== 0) {
    assertAddressAllowed(name, policy);
    return [name];
  }
  let resolved: LookupAddress[];
  try {
    resolved = name === '' ? [] : await lookup(name, { all: true });
  } catch {
    throw unresolvable();
  }
  const refusal = refusalOfAny(resolved, policy);
  if (refusal) {
    throw refusal;
  }
  return resolved.map(({ address }) => address);
}

/**
 * A `lookup` for `https.Agent({ lookup })` / `net.connect`: resolves as `dns.lookup` does and fails the
 * connection with the refusal if any resolved address is refused. The check runs on the addresses the socket is
 * about to use, at connection time, so a name that resolved to a public address at registration and to an
 * internal one later (DNS rebinding) is still refused. Node skips `lookup` for IP-literal hosts: check those
 * with {@link assertAddressAllowed}.
 */
export function guardedLookup(policy: AddressPolicy, lookup: LookupAllCallback = dns.lookup): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      const refusal = error ?? refusalOfAny(addresses, policy);
      if (refusal) {
        callback(refusal, '');
      } else if (options.all) {
        callback(null, addresses);
      } else {
        callback(null, addresses[0]!.address, addresses[0]!.family);
      }
    });
  };
}
