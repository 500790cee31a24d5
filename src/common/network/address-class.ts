import ipaddr from 'ipaddr.js';
import { CLOUD_METADATA_ADDRESSES } from './cloud-metadata-addresses';

type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** What an IP address reaches, as far as deciding whether the service may connect to it. */
export enum AddressClass {
  Public = 'public',
  Loopback = 'loopback',
  /** RFC 1918, CGNAT 100.64.0.0/10, IPv6 unique-local fc00::/7. */
  Private = 'private',
  /** 169.254.0.0/16, fe80::/10. */
  LinkLocal = 'link-local',
  CloudMetadata = 'cloud-metadata',
  /** Unspecified, broadcast, multicast, documentation, benchmarking, reserved and deprecated ranges. */
  NonRoutable = 'non-routable',
}

const METADATA = CLOUD_METADATA_ADDRESSES.map((address) => ipaddr.parse(address));

/** The only IPv6 space IANA allocates for global unicast; anything else left unclassified is not a host. */
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

/** Prefixes that carry an IPv4 address in their last 32 bits and reach it (IPv4-mapped, SIIT, NAT64). */
const EMBEDDING_IPV4 = ['::ffff:0:0/96', '::ffff:0:0:0/96', '64:ff9b::/96'].map((cidr) =>
  ipaddr.IPv6.parseCIDR(cidr),
);

/**
 * `::a.b.c.d`, a deprecated IPv4-compatible address (RFC 4291 §2.5.5.1) that no stack routes any more, and the
 * form glibc prints them in; ipaddr.js reads it as the IPv4-mapped `::ffff:a.b.c.d`, which it is not.
 */
const IPV4_COMPATIBLE_DOTTED = /^::\d+\.\d+\.\d+\.\d+(%.*)?$/;

/**
 * Classifies an IP address literal (IPv4, or IPv6 with an optional zone, without brackets). Throws on anything
 * else. IPv6 forms that reach an IPv4 address (`::ffff:169.254.169.254`, `64:ff9b::a9fe:a9fe`) are classified
 * by that IPv4 address.
 */
export function classifyAddress(address: string): AddressClass {
  if (IPV4_COMPATIBLE_DOTTED.test(address)) {
    return AddressClass.NonRoutable;
  }
  return classify(ipaddr.parse(address));
}

function classify(address: IpAddress): AddressClass {
  if (METADATA.some((known) => known.kind() === address.kind() && sameAddress(known, address))) {
    return AddressClass.CloudMetadata;
  }
  return address.kind() === 'ipv4'
    ? classifyIPv4(address as ipaddr.IPv4)
    : classifyIPv6(address as ipaddr.IPv6);
}

function sameAddress(left: IpAddress, right: IpAddress): boolean {
  return left.toByteArray().join('.') === right.toByteArray().join('.');
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  switch (address.range()) {
    case 'unicast':
      return AddressClass.Public;
    case 'loopback':
      return AddressClass.Loopback;
    case 'private':
    case 'carrierGradeNat':
      return AddressClass.Private;
    case 'linkLocal':
      return AddressClass.LinkLocal;
    default:
      return AddressClass.NonRoutable;
  }
}

function classifyIPv6(address: ipaddr.IPv6): AddressClass {
  if (EMBEDDING_IPV4.some((prefix) => address.match(prefix))) {
    const bytes = address.toByteArray();
    return classify(new ipaddr.IPv4(bytes.slice(12)));
  }
  switch (address.range()) {
    case 'unicast':
      return address.match(GLOBAL_UNICAST) ? AddressClass.Public : AddressClass.NonRoutable;
    case 'loopback':
      return AddressClass.Loopback;
    case 'uniqueLocal':
      return AddressClass.Private;
    case 'linkLocal':
      return AddressClass.LinkLocal;
    default:
      return AddressClass.NonRoutable;
  }
}
