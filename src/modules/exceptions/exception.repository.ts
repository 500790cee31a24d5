import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, type Repository } from 'typeorm';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { ExceptionEntity } from './entities/exception.entity';

export type NewException = Pick<
  ExceptionEntity,
  'organizationId' | 'clusterId' | 'check' | 'selector' | 'justification' | 'expiresAt' | 'createdBy'
>;

export interface ExceptionFilter {
  organizationId?: string;
  /** The exceptions that apply to this cluster: its own and its organization's organization-wide ones. */
  clusterId?: string;
}

@Injectable()
export class ExceptionRepository {
  constructor(@InjectRepository(ExceptionEntity) private readonly exceptions: Repository<ExceptionEntity>) {}

  /**
   * Every exception of the organization that covers the cluster (organization-wide or for that cluster),
   * expired ones included: the run reports those as expired instead of applying them.
   */
  forCluster(organizationId: string, clusterId: string): Promise<ExceptionEntity[]> {
    return this.exceptions.find({
      where: [
        { organizationId, clusterId: IsNull() },
        { organizationId, clusterId },
      ],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  insert(exception: NewException): Promise<ExceptionEntity> {
    return this.exceptions.save(this.exceptions.create(exception));
  }

  /** The exception when the scope may see it; another tenant's exception is simply absent. */
  findForScope(scope: TenantScope, id: string): Promise<ExceptionEntity | null> {
    const where = scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
    return this.exceptions.findOne({ where });
  }

  async listForScope(
    scope: TenantScope,
    filter: ExceptionFilter,
    page: PageRequest,
  ): Promise<Page<ExceptionEntity>> {
    const query = this.exceptions.createQueryBuilder('exception');
    if (scope.kind === 'organization') {
      query.andWhere('exception.organization_id = :scoped', { scoped: scope.organizationId });
    }
    if (filter.organizationId) {
      query.andWhere('exception.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.clusterId) {
      query.andWhere(
        `(exception.cluster_id = :clusterId OR (exception.cluster_id IS NULL AND exception.organization_id =
          (SELECT cluster.organization_id FROM clusters cluster WHERE cluster.id = :clusterId)))`,
        { clusterId: filter.clusterId },
      );
    }
    return toPage(await newestFirst(query, 'exceptions', page).getMany(), page);
  }

  /** Deletes the exception when the scope may see it; false when there was none to delete. */
  async deleteForScope(scope: TenantScope, id: string): Promise<boolean> {
    const where = scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
    const result = await this.exceptions.delete(where);
    return (result.affected ?? 0) > 0;
  }

  /** Whether the exception still exists and has not expired at `now`. */
  isInForce(id: string, now: Date): Promise<boolean> {
    return this.exceptions.exists({ where: { id, expiresAt: MoreThan(now) } });
  }
}
