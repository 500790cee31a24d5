import { resolveAllowedAddresses } from '../../../common/network/address-policy';
import type { AppConfig } from '../../../config/config';
import type { ClusterCredentials } from '../kubeconfig/cluster-credentials';
import { readKubeconfig } from '../kubeconfig/read-kubeconfig';

/**
 * A submitted kubeconfig's credentials once they pass every rule: nothing that runs a command, reads a file or
 * leaves through a proxy, TLS verified unless the deployment allows otherwise, and a server whose every
 * address is allowed now (and will be checked again at each connection).
 */
export async function checkedCredentials(
  config: Pick<AppConfig, 'clusterNetwork'>,
  kubeconfig: string,
  context: string | undefined,
): Promise<ClusterCredentials> {
  const credentials = readKubeconfig(kubeconfig, context, {
    allowInsecureTls: config.clusterNetwork.allowInsecureTls,
  });
  await resolveAllowedAddresses(new URL(credentials.server).hostname, config.clusterNetwork);
  return credentials;
}
