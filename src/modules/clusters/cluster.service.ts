import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import { OrganizationRepository } from '../organizations/organization.repository';
import type { Page, PageRequest } from '../../common/http/paging';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { type ClusterFilter, ClusterRepository } from './cluster.repository';
import type { ClusterSourceDto } from './dto/cluster-source.dto';
import { type ClusterEntity, ClusterSourceType } from './entities/cluster.entity';

export interface NewClusterRequest {
  organizationId: string;
  name: string;
  source: ClusterSourceDto;
}

@Injectable()
export class ClusterService {
  constructor(
    private readonly clusters: ClusterRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async create(scope: TenantScope, request: NewClusterRequest): Promise<ClusterEntity> {
    if (request.source.type === ClusterSourceType.Kubeconfig) {
      throw new DomainError(
        ErrorCode.ClusterSourceUnsupported,
        'kubeconfig clusters are not supported yet: register the cluster with source {"type": "snapshot"} ' +
          'and upload its objects to /v1/clusters/:id/snapshots',
      );
    }
    if (!(await this.organizations.findForScope(scope, request.organizationId))) {
      throw DomainError.notFound('organization');
    }
    try {
      return await this.clusters.insert({
        organizationId: request.organizationId,
        name: request.name,
        sourceType: request.source.type,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(ErrorCode.Conflict, 'the organization already has a cluster with this name');
      }
      throw error;
    }
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
}
