import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import { ClusterEntity, type ClusterSourceType } from './entities/cluster.entity';

export interface NewCluster {
  organizationId: string;
  name: string;
  sourceType: ClusterSourceType;
}

export interface ClusterFilter {
  organizationId?: string;
}

@Injectable()
export class ClusterRepository {
  constructor(@InjectRepository(ClusterEntity) private readonly clusters: Repository<ClusterEntity>) {}

  /** Inserts; a duplicate name in the organization surfaces as a unique violation. */
  insert(cluster: NewCluster): Promise<ClusterEntity> {
    return this.clusters.save(this.clusters.create(cluster));
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
