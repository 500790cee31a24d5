import { Inject, Injectable } from '@nestjs/common';
import type { KubeConfig } from '@kubernetes/client-node';
import { CredentialCipher, type Sealed } from '../../../common/crypto/credential-cipher';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { ClusterRepository } from '../cluster.repository';
import type { ClusterCredentials } from '../kubeconfig/cluster-credentials';
import { toKubeConfig } from '../kubeconfig/to-kube-config';

/** The additional authenticated data of a cluster's credentials: they open on their own row only. */
function contextOf(clusterId: string): string {
  return `cluster:${clusterId}`;
}

export class ClusterCredentialsMissingError extends Error {}

/**
 * Seals a cluster's credentials for storage and opens them into a client-node KubeConfig whose every connection
 * is held to the deployment's address policy. The only place credentials exist in plain text, and only in memory.
 */
@Injectable()
export class ClusterConnector {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: CredentialCipher,
    private readonly clusters: ClusterRepository,
  ) {}

  seal(clusterId: string, credentials: ClusterCredentials): Sealed {
    return this.cipher.seal(JSON.stringify(credentials), contextOf(clusterId));
  }

  async kubeConfigFor(clusterId: string): Promise<KubeConfig> {
    const sealed = await this.clusters.findSealedCredentials(clusterId);
    if (!sealed) {
      throw new ClusterCredentialsMissingError('the cluster has no credentials');
    }
    const credentials = JSON.parse(this.cipher.open(sealed, contextOf(clusterId))) as ClusterCredentials;
    if (credentials.insecureSkipTlsVerify && !this.config.clusterNetwork.allowInsecureTls) {
      // Registered while the deployment allowed it; it no longer does.
      throw new DomainError(
        ErrorCode.ClusterKubeconfigInsecureTlsForbidden,
        'the credentials skip TLS verification, which this deployment no longer allows: replace them',
      );
    }
    return toKubeConfig(credentials, this.config.clusterNetwork);
  }
}
