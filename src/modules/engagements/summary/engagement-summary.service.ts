import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { emptySeverityCounts } from '../../../engine/scoring';
import type { TenantScope } from '../../auth/caller';
import { EngagementRepository } from '../engagement.repository';
import type { EngagementEntity } from '../entities/engagement.entity';
import {
  type AssessmentBriefDto,
  ClusterSelection,
  type EngagementSummaryDto,
  type TrendPointDto,
} from './dto/engagement-summary.dto';
import { combineMatrices } from './engagement-matrix';
import {
  type AssessmentBrief,
  EngagementSummaryRepository,
  type SummaryCluster,
  type TrendRow,
} from './engagement-summary.repository';

@Injectable()
export class EngagementSummaryService {
  constructor(
    private readonly engagements: EngagementRepository,
    private readonly summaries: EngagementSummaryRepository,
  ) {}

  /** Clusters in scope, each one's latest assessments and trend, and the engagement-wide matrix. */
  async summarize(scope: TenantScope, id: string): Promise<EngagementSummaryDto> {
    const engagement = await this.engagements.findForScope(scope, id);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    const { organizationId } = engagement;
    const { clustersFrom, clusters } = await this.clustersOf(engagement);
    const clusterIds = clusters.map((cluster) => cluster.id);
    const [latest, latestSucceeded, trend] = await Promise.all([
      this.summaries.latestPerCluster(organizationId, id, clusterIds, false),
      this.summaries.latestPerCluster(organizationId, id, clusterIds, true),
      this.summaries.succeededInOrder(organizationId, id, clusterIds),
    ]);
    const latestByCluster = byCluster(latest);
    const succeededByCluster = byCluster(latestSucceeded);
    // The matrix follows the clusters' order, as does matrixAssessmentIds.
    const counted = clusters.flatMap((cluster) => {
      const brief = succeededByCluster.get(cluster.id);
      return brief?.matrix ? [{ id: brief.id, matrix: brief.matrix }] : [];
    });
    return {
      engagementId: id,
      organizationId,
      clustersFrom,
      clusters: clusters.map((cluster) => ({
        id: cluster.id,
        name: cluster.name,
        latestAssessment: toBrief(latestByCluster.get(cluster.id)),
        latestSucceededAssessment: toBrief(succeededByCluster.get(cluster.id)),
        trend: trend.filter((row) => row.clusterId === cluster.id).map(toTrendPoint),
      })),
      matrix: combineMatrices(counted.map((entry) => entry.matrix)),
      matrixAssessmentIds: counted.map((entry) => entry.id),
    };
  }

  private async clustersOf(
    engagement: EngagementEntity,
  ): Promise<{ clustersFrom: ClusterSelection; clusters: SummaryCluster[] }> {
    if (engagement.scope.clusterIds.length > 0) {
      return {
        clustersFrom: ClusterSelection.Scope,
        clusters: await this.summaries.clustersAmong(engagement.organizationId, engagement.scope.clusterIds),
      };
    }
    return {
      clustersFrom: ClusterSelection.Assessed,
      clusters: await this.summaries.clustersAssessedIn(engagement.organizationId, engagement.id),
    };
  }
}

function byCluster(briefs: readonly AssessmentBrief[]): Map<string, AssessmentBrief> {
  return new Map(briefs.map((brief) => [brief.clusterId, brief]));
}

function toBrief(brief: AssessmentBrief | undefined): AssessmentBriefDto | null {
  if (!brief) {
    return null;
  }
  return {
    id: brief.id,
    status: brief.status,
    queuedAt: brief.createdAt.toISOString(),
    finishedAt: brief.finishedAt?.toISOString() ?? null,
    summary: brief.summary,
    matrix: brief.matrix,
  };
}

function toTrendPoint(row: TrendRow): TrendPointDto {
  return {
    assessmentId: row.id,
    queuedAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    findings: row.findings ?? emptySeverityCounts(),
    score: row.score,
  };
}
