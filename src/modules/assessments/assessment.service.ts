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
import {
  type AssessmentEntity,
  type AssessmentProfile,
  AssessmentStatus,
} from './entities/assessment.entity';
import { type AssessmentEvent, AssessmentEvents, TERMINAL_STATUSES } from './events/assessment-events';

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
    private readonly events: AssessmentEvents,
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
    await this.events.publish(assessment.id, {
      status: assessment.status,
      stage: assessment.stage,
      progress: assessment.progress,
    });
    return assessment;
  }

  /** Stops a queued or running assessment; its findings are deleted with the change of status. */
  async cancel(scope: TenantScope, id: string): Promise<AssessmentEntity> {
    if (!(await this.assessments.cancel(scope, id, new Date()))) {
      const assessment = await this.get(scope, id);
      throw new DomainError(
        ErrorCode.AssessmentNotActive,
        `the assessment has already ${assessment.status === AssessmentStatus.Cancelled ? 'been cancelled' : 'finished'}`,
      );
    }
    await this.queue.discard(id);
    const cancelled = await this.get(scope, id);
    await this.events.publish(id, {
      status: cancelled.status,
      stage: cancelled.stage,
      progress: cancelled.progress,
    });
    return cancelled;
  }

  /**
   * The assessment's events from the first (queued) on, then live until it ends. 404 before anything is sent
   * when the scope may not see it.
   */
  async eventSource(
    scope: TenantScope,
    id: string,
    signal: AbortSignal,
  ): Promise<() => AsyncGenerator<AssessmentEvent>> {
    await this.get(scope, id);
    const follow = await this.events.open(id, signal);
    const finalState = async (): Promise<AssessmentEvent | undefined> => {
      const state = await this.assessments.findForScope(scope, id);
      return state && TERMINAL_STATUSES.includes(state.status)
        ? {
            status: state.status,
            stage: state.stage,
            progress: state.progress,
            ...(state.failure && { failure: state.failure }),
            at: (state.finishedAt ?? new Date()).toISOString(),
          }
        : undefined;
    };
    return () => follow(finalState);
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
