import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import { ClusterRepository } from '../clusters/cluster.repository';
import { OrganizationRepository } from '../organizations/organization.repository';
import type { Page, PageRequest } from '../../common/http/paging';
import { type EngagementFields, type EngagementFilter, EngagementRepository } from './engagement.repository';
import { type EngagementEntity, EngagementStatus } from './entities/engagement.entity';

export interface EngagementChanges {
  name?: string;
  status?: EngagementStatus;
  /** null clears the date; undefined leaves it. */
  startsOn?: string | null;
  endsOn?: string | null;
  scope?: { clusterIds?: string[]; namespaces?: string[] };
}

export interface NewEngagementRequest extends EngagementChanges {
  organizationId: string;
  name: string;
}

@Injectable()
export class EngagementService {
  constructor(
    private readonly engagements: EngagementRepository,
    private readonly organizations: OrganizationRepository,
    private readonly clusters: ClusterRepository,
  ) {}

  async create(scope: TenantScope, request: NewEngagementRequest): Promise<EngagementEntity> {
    // A missing organization is a 404 like any other object the caller cannot see, body reference or not.
    if (!(await this.organizations.findForScope(scope, request.organizationId))) {
      throw DomainError.notFound('organization');
    }
    const fields = applyChanges(
      {
        name: request.name,
        status: EngagementStatus.Planned,
        scope: { clusterIds: [], namespaces: [] },
        startsOn: null,
        endsOn: null,
      },
      request,
    );
    await this.checkFields(request.organizationId, fields);
    return this.engagements.insert(request.organizationId, fields);
  }

  async update(scope: TenantScope, id: string, changes: EngagementChanges): Promise<EngagementEntity> {
    const engagement = await this.get(scope, id);
    const fields = applyChanges(engagement, changes);
    await this.checkFields(engagement.organizationId, fields);
    return this.engagements.update(engagement, fields);
  }

  async get(scope: TenantScope, id: string): Promise<EngagementEntity> {
    const engagement = await this.engagements.findForScope(scope, id);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    return engagement;
  }

  list(scope: TenantScope, filter: EngagementFilter, page: PageRequest): Promise<Page<EngagementEntity>> {
    return this.engagements.listForScope(scope, filter, page);
  }

  private async checkFields(organizationId: string, fields: EngagementFields): Promise<void> {
    if (fields.startsOn !== null && fields.endsOn !== null && fields.endsOn < fields.startsOn) {
      throw new DomainError(ErrorCode.ValidationFailed, 'endsOn must not be before startsOn');
    }
    const known = await this.clusters.idsInOrganization(organizationId, fields.scope.clusterIds);
    const foreign = fields.scope.clusterIds.filter((clusterId) => !known.has(clusterId));
    if (foreign.length > 0) {
      throw new DomainError(
        ErrorCode.EngagementClusterMismatch,
        `the engagement's scope names clusters that are not clusters of its organization: ${foreign.join(', ')}`,
        { clusterIds: foreign },
      );
    }
  }
}

/** The engagement's fields after a change: absent fields keep their value, scope members likewise. */
function applyChanges(current: EngagementFields, changes: EngagementChanges): EngagementFields {
  return {
    name: changes.name ?? current.name,
    status: changes.status ?? current.status,
    startsOn: changes.startsOn === undefined ? current.startsOn : changes.startsOn,
    endsOn: changes.endsOn === undefined ? current.endsOn : changes.endsOn,
    scope: {
      clusterIds: changes.scope?.clusterIds ?? current.scope.clusterIds,
      namespaces: changes.scope?.namespaces ?? current.scope.namespaces,
    },
  };
}
