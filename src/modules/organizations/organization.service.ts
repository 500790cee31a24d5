import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import type { OrganizationEntity } from './entities/organization.entity';
import { OrganizationRepository } from './organization.repository';
import type { RemediationSla } from './remediation-sla';
import type { Page, PageRequest } from '../../common/http/paging';
import { isUniqueViolation } from '../../common/database/unique-violation';

@Injectable()
export class OrganizationService {
  constructor(private readonly organizations: OrganizationRepository) {}

  async create(name: string): Promise<OrganizationEntity> {
    try {
      return await this.organizations.insert(name);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ErrorCode.Conflict, 'an organization with this name already exists');
      }
      throw error;
    }
  }

  async get(scope: TenantScope, id: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findForScope(scope, id);
    if (!organization) {
      throw DomainError.notFound('organization');
    }
    return organization;
  }

  /** Sets the days to fix per severity that the organization's new tickets are due in. */
  async setRemediationSla(scope: TenantScope, id: string, sla: RemediationSla): Promise<OrganizationEntity> {
    const organization = await this.get(scope, id);
    await this.organizations.setRemediationSla(organization.id, sla);
    return { ...organization, remediationSlaDays: sla };
  }

  list(scope: TenantScope, page: PageRequest): Promise<Page<OrganizationEntity>> {
    return this.organizations.listForScope(scope, page);
  }
}
