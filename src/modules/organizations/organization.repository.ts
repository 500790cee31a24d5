import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { OrganizationEntity } from './entities/organization.entity';
import type { RemediationSla } from './remediation-sla';
import { newestFirst, type Page, type PageRequest, toPage } from '../../common/http/paging';

@Injectable()
export class OrganizationRepository {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>,
  ) {}

  /** Inserts; a duplicate name surfaces as a unique violation (see isUniqueViolation). */
  insert(name: string): Promise<OrganizationEntity> {
    return this.organizations.save(this.organizations.create({ name }));
  }

  /** The organization when the scope may see it (an organization-bound caller sees only its own). */
  findForScope(scope: TenantScope, id: string): Promise<OrganizationEntity | null> {
    if (scope.kind === 'organization' && scope.organizationId !== id) {
      return Promise.resolve(null);
    }
    return this.organizations.findOne({ where: { id } });
  }

  async listForScope(scope: TenantScope, page: PageRequest): Promise<Page<OrganizationEntity>> {
    const query = this.organizations.createQueryBuilder('organization');
    if (scope.kind === 'organization') {
      query.where('organization.id = :id', { id: scope.organizationId });
    }
    return toPage(await newestFirst(query, 'organizations', page).getMany(), page);
  }

  async setRemediationSla(id: string, sla: RemediationSla): Promise<void> {
    await this.organizations.update({ id }, { remediationSlaDays: sla });
  }
}
