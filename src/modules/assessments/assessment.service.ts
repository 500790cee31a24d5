import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { TenantScope } from '../auth/caller';
import { CheckCatalog } from '../checks/check-catalog';
import { ClusterRepository } from '../clusters/cluster.repository';
import { ClusterSourceType } from '../clusters/entities/cluster.entity';
import { SnapshotRepository } from '../clusters/snapshot.repository';
import { EngagementRepository } from '../engagements/engagement.repository';
import { type Page, type PageRequest, toPage } from '../../common/http/paging';
import { AssessmentQueue } from './assessment-queue';
import { type AssessmentFilter, AssessmentRepository } from './assessment.repository';
import type { AssessmentEntity, AssessmentProfile } from './entities/assessment.entity';

export interface AssessmentRequest {
  engagementId: string;
  clusterId: string;
  profile?: AssessmentProfile;
}

/** Only the lists that were given, each without duplicates: the stored profile is what the worker runs. */
function normalizeProfile(profile: AssessmentProfile = {}): AssessmentProfile {
  const normalized: AssessmentProfile = {};
  for (const key of ['layers', 'phases', 'frameworks', 'namespaces', 'checks'] as const) {
    const values = profile[key];
    if (values && values.length > 0) {
      normalized[key] = [...new Set(values)];
    }
  }
  return normalized;
}

@Injectable()
export class AssessmentService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly engagements: EngagementRepository,
    private readonly clusters: ClusterRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly catalog: CheckCatalog,
    private readonly queue: AssessmentQueue,
  ) {}

  /**
   * Records a queued assessment of the cluster's latest snapshot and enqueues its run. When the queue is
   * unreachable the row is marked failed (not deleted: the attempt stays visible next to its audit event)
   * and the caller gets 503, so no row waits forever for a job that does not exist.
   */
  async create(scope: TenantScope, request: AssessmentRequest): Promise<AssessmentEntity> {
    const profile = normalizeProfile(request.profile);
    const unknown = this.catalog.unknownIds(profile.checks ?? []);
    if (unknown.length > 0) {
      throw new DomainError(ErrorCode.UnknownCheck, `unknown check id: ${unknown.join(', ')}`);
    }
    const { organizationId, snapshotId } = await this.target(scope, request);
    const assessment = await this.assessments.insert({
      organizationId,
      engagementId: request.engagementId,
      clusterId: request.clusterId,
      snapshotId,
      profile,
    });
    try {
      await this.queue.enqueueRun(assessment.id);
    } catch (error) {
      await this.assessments.fail(assessment.id, 'the assessment could not be queued', new Date());
      throw error;
    }
    return assessment;
  }

  async get(scope: TenantScope, id: string): Promise<AssessmentEntity> {
    const assessment = await this.assessments.findForScope(scope, id);
    if (!assessment) {
      throw DomainError.notFound('assessment');
    }
    return assessment;
  }

  async list(
    scope: TenantScope,
    filter: AssessmentFilter,
    page: PageRequest,
  ): Promise<Page<AssessmentEntity>> {
    return toPage(await this.assessments.listForScope(scope, filter, page), page);
  }

  /**
   * The engagement and cluster, both visible and of one organization, and the snapshot to evaluate: a snapshot
   * cluster's latest; none yet for a live cluster, whose run collects its own.
   */
  private async target(
    scope: TenantScope,
    request: AssessmentRequest,
  ): Promise<{ organizationId: string; snapshotId: string | null }> {
    const [engagement, cluster] = await Promise.all([
      this.engagements.findForScope(scope, request.engagementId),
      this.clusters.findForScope(scope, request.clusterId),
    ]);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    if (!cluster) {
      throw DomainError.notFound('cluster');
    }
    if (engagement.organizationId !== cluster.organizationId) {
      throw new DomainError(
        ErrorCode.EngagementClusterMismatch,
        'the engagement and the cluster belong to different organizations',
      );
    }
    if (cluster.sourceType === ClusterSourceType.Kubeconfig) {
      return { organizationId: cluster.organizationId, snapshotId: null };
    }
    const snapshot = await this.snapshots.findLatestForCluster(cluster.id);
    if (!snapshot) {
      throw new DomainError(
        ErrorCode.SnapshotMissing,
        'the cluster has no snapshot to assess: upload one first',
      );
    }
    return { organizationId: cluster.organizationId, snapshotId: snapshot.id };
  }
}
