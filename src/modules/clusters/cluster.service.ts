import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { KubeConnectionError, KubeHttpError } from '../../collectors/kubernetes/kube-http';
import { verifyAccess } from '../../collectors/kubernetes/verify-access';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Page, PageRequest } from '../../common/http/paging';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { TenantScope } from '../auth/caller';
import { OrganizationRepository } from '../organizations/organization.repository';
import { type ClusterFilter, ClusterRepository } from './cluster.repository';
import { checkedCredentials } from './credentials/checked-credentials';
import { ClusterConnector } from './credentials/cluster-connector';
import type {
  ClusterSourceDto,
  KubeconfigCredentialsDto,
  KubeconfigSourceDto,
} from './dto/cluster-source.dto';
import { type ClusterEntity, ClusterSourceType } from './entities/cluster.entity';
import type { ClusterVerification } from './verification/cluster-verification';

export interface NewClusterRequest {
  organizationId: string;
  name: string;
  source: ClusterSourceDto;
}

/** What a failed connection means to the caller; the API server's own text is never passed on. */
function connectionFailure(error: unknown): DomainError | undefined {
  if (error instanceof KubeHttpError && (error.status === 401 || error.status === 403)) {
    return new DomainError(
      ErrorCode.ClusterCredentialsRejected,
      `the API server rejected the credentials (${error.status})`,
    );
  }
  if (error instanceof KubeHttpError || error instanceof KubeConnectionError) {
    return new DomainError(
      ErrorCode.ClusterUnreachable,
      `the API server could not be used: ${error.message}`,
    );
  }
  return undefined;
}

@Injectable()
export class ClusterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clusters: ClusterRepository,
    private readonly organizations: OrganizationRepository,
    private readonly connector: ClusterConnector,
  ) {}

  /** Registers a cluster; a kubeconfig is checked in full before anything is stored. */
  async create(scope: TenantScope, request: NewClusterRequest): Promise<ClusterEntity> {
    if (!(await this.organizations.findForScope(scope, request.organizationId))) {
      throw DomainError.notFound('organization');
    }
    const base = {
      organizationId: request.organizationId,
      name: request.name,
      sourceType: request.source.type,
    };
    const cluster =
      request.source.type === ClusterSourceType.Kubeconfig ? await this.live(request.source) : {};
    try {
      return await this.clusters.insert({ ...base, ...cluster });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ErrorCode.Conflict, 'the organization already has a cluster with this name');
      }
      throw error;
    }
  }

  /** New credentials for a kubeconfig cluster, checked as at registration; the old verification is dropped. */
  async replaceCredentials(
    scope: TenantScope,
    id: string,
    source: KubeconfigCredentialsDto,
  ): Promise<ClusterEntity> {
    const cluster = await this.kubeconfigCluster(scope, id);
    const credentials = await checkedCredentials(this.config, source.kubeconfig, source.context);
    await this.clusters.replaceCredentials(
      cluster.id,
      credentials.server,
      this.connector.seal(cluster.id, credentials),
    );
    return this.get(scope, id);
  }

  /** Connects and records what the credentials may read. */
  async verify(scope: TenantScope, id: string): Promise<ClusterVerification> {
    const cluster = await this.kubeconfigCluster(scope, id);
    let verification: ClusterVerification;
    try {
      const report = await verifyAccess(await this.connector.kubeConfigFor(cluster.id));
      verification = { verifiedAt: new Date().toISOString(), ...report };
    } catch (error) {
      throw connectionFailure(error) ?? error;
    }
    await this.clusters.storeVerification(cluster.id, verification);
    return verification;
  }

  async get(scope: TenantScope, id: string): Promise<ClusterEntity> {
    const cluster = await this.clusters.findForScope(scope, id);
    if (!cluster) {
      throw DomainError.notFound('cluster');
    }
    return cluster;
  }

  list(scope: TenantScope, filter: ClusterFilter, page: PageRequest): Promise<Page<ClusterEntity>> {
    return this.clusters.listForScope(scope, filter, page);
  }

  private async live(source: KubeconfigSourceDto) {
    const credentials = await checkedCredentials(this.config, source.kubeconfig, source.context);
    const id = randomUUID();
    return {
      id,
      server: credentials.server,
      credentials: this.connector.seal(id, credentials),
      secretMetadata: source.collectSecretMetadata ?? false,
    };
  }

  private async kubeconfigCluster(scope: TenantScope, id: string): Promise<ClusterEntity> {
    const cluster = await this.get(scope, id);
    if (cluster.sourceType !== ClusterSourceType.Kubeconfig) {
      throw new DomainError(
        ErrorCode.ClusterNotKubeconfig,
        'the cluster is a snapshot cluster: it has no credentials to replace or verify',
      );
    }
    return cluster;
  }
}
