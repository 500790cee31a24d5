import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { Sealed } from '../../common/crypto/credential-cipher';
import type { TenantScope } from '../auth/caller';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import { ClusterEntity, type ClusterSourceType } from './entities/cluster.entity';
import type { ClusterVerification } from './verification/cluster-verification';

export interface NewCluster {
  /** Chosen before the insert when credentials are sealed to it. */
  id?: string;
  organizationId: string;
  name: string;
  sourceType: ClusterSourceType;
  server?: string;
  credentials?: Sealed;
  secretMetadata?: boolean;
}

export interface ClusterFilter {
  organizationId?: string;
}

@Injectable()
export class ClusterRepository {
  constructor(@InjectRepository(ClusterEntity) private readonly clusters: Repository<ClusterEntity>) {}

  /** Inserts; a duplicate name in the organization surfaces as a unique violation. */
  async insert(cluster: NewCluster): Promise<ClusterEntity> {
    const { credentials, ...columns } = cluster;
    const saved = await this.clusters.save(
      this.clusters.create({
        ...columns,
        ...(credentials && { credentials: credentials.data, credentialsKeyId: credentials.keyId }),
      }),
    );
    // The sealed bytes stay out of the returned entity, as out of every read.
    return { ...saved, credentials: null };
  }

  /** Replaces a cluster's credentials and forgets what the old ones were verified to do. */
  async replaceCredentials(id: string, server: string, credentials: Sealed): Promise<void> {
    await this.clusters.update(id, {
      server,
      credentials: credentials.data,
      credentialsKeyId: credentials.keyId,
      verification: null,
    });
  }

  async storeVerification(id: string, verification: ClusterVerification): Promise<void> {
    await this.clusters.update(id, { verification });
  }

  /** For the collector and verify only: the sealed credentials, never returned by any route. */
  async findSealedCredentials(id: string): Promise<Sealed | null> {
    const row = await this.clusters
      .createQueryBuilder('cluster')
      .select(['cluster.id', 'cluster.credentialsKeyId'])
      .addSelect('cluster.credentials')
      .where('cluster.id = :id', { id })
      .getOne();
    return row?.credentials && row.credentialsKeyId
      ? { keyId: row.credentialsKeyId, data: row.credentials }
      : null;
  }

  /** For the worker, which acts on behalf of no tenant: the job names the row. */
  findById(id: string): Promise<ClusterEntity | null> {
    return this.clusters.findOne({ where: { id } });
  }

  /** The cluster when the scope may see it; another tenant's cluster is simply absent. */
  findForScope(scope: TenantScope, id: string): Promise<ClusterEntity | null> {
    const where = scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
    return this.clusters.findOne({ where });
  }

  async listForScope(
    scope: TenantScope,
    filter: ClusterFilter,
    page: PageRequest,
  ): Promise<Page<ClusterEntity>> {
    const query = this.clusters.createQueryBuilder('cluster');
    if (scope.kind === 'organization') {
      query.andWhere('cluster.organization_id = :scoped', { scoped: scope.organizationId });
    }
    if (filter.organizationId) {
      query.andWhere('cluster.organization_id = :organizationId', { organizationId: filter.organizationId });
    }
    return toPage(await newestFirst(query, 'clusters', page).getMany(), page);
  }

  /** Which of these ids are clusters of the organization. */
  async idsInOrganization(organizationId: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await this.clusters.find({
      select: { id: true },
      where: { organizationId, id: In([...ids]) },
    });
    return new Set(rows.map((row) => row.id));
  }
}
