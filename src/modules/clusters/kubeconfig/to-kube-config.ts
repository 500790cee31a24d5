import { Agent, type RequestOptions } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type Cluster, KubeConfig, type RequestContext, type User } from '@kubernetes/client-node';
import {
  type AddressPolicy,
  assertAddressAllowed,
  guardedLookup,
} from '../../../common/network/address-policy';
import type { ClusterCredentials } from './cluster-credentials';

const NAME = 'registered';

/** The same agent with the guarded lookup; anything but an https agent is refused rather than left unguarded. */
function withLookup(agent: unknown, lookup: LookupFunction): Agent {
  if (!(agent instanceof Agent)) {
    throw new Error('expected client-node to build an https agent');
  }
  return new Agent({ ...agent.options, lookup });
}

/**
 * client-node 1.4 builds a new agent for every request and offers no option to pass `lookup` to it: both of
 * its public entry points that build one (API calls; watch, logs and other raw requests) are wrapped here.
 */
class AddressGuardedKubeConfig extends KubeConfig {
  private readonly lookup: LookupFunction;

  constructor(policy: AddressPolicy) {
    super();
    this.lookup = guardedLookup(policy);
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    context.setAgent(withLookup(context.getAgent(), this.lookup));
  }

  override async applyToHTTPSOptions(options: RequestOptions): Promise<void> {
    await super.applyToHTTPSOptions(options);
    options.agent = withLookup(options.agent, this.lookup);
  }
}

/**
 * A client-node KubeConfig with exactly one cluster, user and context, built from stored credentials: the one
 * the collector connects with. Only inline data is set (no `caFile`, `certFile`, `keyFile`, `exec` or
 * `authProvider`), so client-node reads no file and runs nothing. Every connection is checked against
 * `policy`: a host name at connection time, after DNS resolution; an IP literal here, since Node does not
 * call `lookup` for one.
 */
export function toKubeConfig(credentials: ClusterCredentials, policy: AddressPolicy): KubeConfig {
  const hostname = new URL(credentials.server).hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(hostname) !== 0) {
    assertAddressAllowed(hostname, policy);
  }
  const cluster: Cluster = {
    name: NAME,
    server: credentials.server,
    caData: credentials.certificateAuthorityData,
    tlsServerName: credentials.tlsServerName,
    skipTLSVerify: credentials.insecureSkipTlsVerify,
  };
  const { token, clientCertificateData, clientKeyData, username, password } = credentials.user;
  const user: User = {
    name: NAME,
    token,
    certData: clientCertificateData,
    keyData: clientKeyData,
    username,
    password,
  };
  const kubeConfig = new AddressGuardedKubeConfig(policy);
  kubeConfig.loadFromOptions({
    clusters: [cluster],
    users: [user],
    contexts: [{ name: NAME, cluster: NAME, user: NAME }],
    currentContext: NAME,
  });
  return kubeConfig;
}
