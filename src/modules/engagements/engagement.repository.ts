import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';
import { EngagementEntity, type EngagementScope, type EngagementStatus } from './entities/engagement.entity';

export interface EngagementFields {
  name: string;
  status: EngagementStatus;
  scope: EngagementScope;
  startsOn: string | null;
  endsOn: string | null;
}

export interface EngagementFilter {
  organizationId?: string;
  status?: EngagementStatus;
}

@Injectable()
export class EngagementRepository {
  constructor(
    @InjectRepository(EngagementEntity) private readonly engagements: Repository<EngagementEntity>,
  ) {}

  insert(organizationId: string, fields: EngagementFields): Promise<EngagementEntity> {
    return this.engagements.save(this.engagements.create({ organizationId, ...fields }));
  }

  /** Writes the fields of an engagement the caller has already loaded through its scope. */
  async update(engagement: EngagementEntity, fields: EngagementFields): Promise<EngagementEntity> {
    return this.engagements.save(this.engagements.merge(engagement, fields));
  }

  /** The engagement when the scope may see it; another tenant's engagement is simply absent. */
  findForScope(scope: TenantScope, id: string): Promise<EngagementEntity | null> {
    const where = scope.kind === 'organization' ? { id, organizationId: scope.organizationId } : { id };
    return this.engagements.findOne({ where });
  }

  async listForScope(
    scope: TenantScope,
    filter: EngagementFilter,
    page: PageRequest,
  ): Promise<Page<EngagementEntity>> {
    const query = this.engagements.createQueryBuilder('engagement');
    if (scope.kind === 'organization') {
      query.andWhere('engagement.organization_id = :scoped', { scoped: scope.organizationId });
    }
    if (filter.organizationId) {
      query.andWhere('engagement.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.status) {
      query.andWhere('engagement.status = :status', { status: filter.status });
    }
    return toPage(await newestFirst(query, 'engagements', page).getMany(), page);
  }
}
