import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Page, PageRequest } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { CheckCatalog } from '../checks/check-catalog';
import { ClusterRepository } from '../clusters/cluster.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import { checkExpiry } from '../triage/acceptance-expiry';
import type { ExceptionEntity, ExceptionSelector } from './entities/exception.entity';
import { type ExceptionFilter, ExceptionRepository } from './exception.repository';

export interface NewExceptionRequest {
  organizationId: string;
  clusterId?: string;
  check: string;
  selector: ExceptionSelector;
  justification: string;
  expiresAt: Date;
}

/** Waivers of one check on selected resources, for an organization or one of its clusters. */
@Injectable()
export class ExceptionService {
  constructor(
    private readonly exceptions: ExceptionRepository,
    private readonly organizations: OrganizationRepository,
    private readonly clusters: ClusterRepository,
    private readonly catalog: CheckCatalog,
  ) {}

  async create(
    scope: TenantScope,
    request: NewExceptionRequest,
    createdBy: string,
    now = new Date(),
  ): Promise<ExceptionEntity> {
    if (this.catalog.unknownIds([request.check]).length > 0) {
      throw new DomainError(ErrorCode.UnknownCheck, `unknown check id: ${request.check}`);
    }
    checkExpiry(request.expiresAt, now);
    if (!(await this.organizations.findForScope(scope, request.organizationId))) {
      throw DomainError.notFound('organization');
    }
    if (request.clusterId !== undefined) {
      // A cluster of another organization is as absent as one the caller cannot see.
      const cluster = await this.clusters.findForScope(scope, request.clusterId);
      if (!cluster || cluster.organizationId !== request.organizationId) {
        throw DomainError.notFound('cluster');
      }
    }
    return this.exceptions.insert({
      organizationId: request.organizationId,
      clusterId: request.clusterId ?? null,
      check: request.check,
      selector: request.selector,
      justification: request.justification,
      expiresAt: request.expiresAt,
      createdBy,
    });
  }

  async get(scope: TenantScope, id: string): Promise<ExceptionEntity> {
    const exception = await this.exceptions.findForScope(scope, id);
    if (!exception) {
      throw DomainError.notFound('exception');
    }
    return exception;
  }

  list(scope: TenantScope, filter: ExceptionFilter, page: PageRequest): Promise<Page<ExceptionEntity>> {
    return this.exceptions.listForScope(scope, filter, page);
  }

  /** Later runs no longer apply it; findings it accepted in earlier runs keep their link as history. */
  async delete(scope: TenantScope, id: string): Promise<void> {
    if (!(await this.exceptions.deleteForScope(scope, id))) {
      throw DomainError.notFound('exception');
    }
  }
}
