import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ScanSummary } from '../../../engine/scan';
import type { SeverityCounts } from '../../../engine/scoring';
import { AssessmentStatus } from '../../assessments/entities/assessment.entity';
import type { ScoreMatrix } from './engagement-matrix';

export interface SummaryCluster {
  id: string;
  name: string;
}

/** An assessment as the engagement view shows it: no check results or profile (tens of KB of jsonb). */
export interface AssessmentBrief {
  id: string;
  clusterId: string;
  status: AssessmentStatus;
  createdAt: Date;
  finishedAt: Date | null;
  summary: ScanSummary | null;
  matrix: ScoreMatrix | null;
}

export interface TrendRow {
  id: string;
  clusterId: string;
  createdAt: Date;
  finishedAt: Date | null;
  /** Open findings by severity. */
  findings: SeverityCounts | null;
  score: number | null;
}

const CLUSTER_COLUMNS = 'c.id, c.name';

const BRIEF_COLUMNS =
  'a.id, a.cluster_id AS "clusterId", a.status, a.created_at AS "createdAt", ' +
  `a.finished_at AS "finishedAt", a.summary, a.scores -> 'matrix' AS matrix`;

/**
 * Reads for GET /v1/engagements/:id/summary. Every query names the engagement's organization too: the
 * engagement was read through the caller's scope, and nothing of another organization can join in.
 */
@Injectable()
export class EngagementSummaryRepository {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  /** The organization's clusters among these ids, by name. */
  clustersAmong(organizationId: string, ids: readonly string[]): Promise<SummaryCluster[]> {
    return this.database.query(
      `SELECT ${CLUSTER_COLUMNS} FROM clusters c
       WHERE c.organization_id = $1 AND c.id = ANY($2::uuid[]) ORDER BY c.name, c.id`,
      [organizationId, ids],
    );
  }

  /** The organization's clusters with at least one assessment in the engagement, by name. */
  clustersAssessedIn(organizationId: string, engagementId: string): Promise<SummaryCluster[]> {
    return this.database.query(
      `SELECT ${CLUSTER_COLUMNS} FROM clusters c
       WHERE c.organization_id = $1
         AND EXISTS (SELECT 1 FROM assessments a WHERE a.cluster_id = c.id AND a.engagement_id = $2)
       ORDER BY c.name, c.id`,
      [organizationId, engagementId],
    );
  }

  /** Each cluster's last queued assessment in the engagement; only succeeded ones when asked. */
  latestPerCluster(
    organizationId: string,
    engagementId: string,
    clusterIds: readonly string[],
    succeededOnly: boolean,
  ): Promise<AssessmentBrief[]> {
    return this.database.query(
      `SELECT DISTINCT ON (a.cluster_id) ${BRIEF_COLUMNS} FROM assessments a
       WHERE a.organization_id = $1 AND a.engagement_id = $2 AND a.cluster_id = ANY($3::uuid[])
         AND ($4::text IS NULL OR a.status = $4)
       ORDER BY a.cluster_id, a.created_at DESC, a.id DESC`,
      [organizationId, engagementId, clusterIds, succeededOnly ? AssessmentStatus.Succeeded : null],
    );
  }

  /** The engagement's succeeded assessments of these clusters, oldest first. */
  succeededInOrder(
    organizationId: string,
    engagementId: string,
    clusterIds: readonly string[],
  ): Promise<TrendRow[]> {
    return this.database.query(
      `SELECT a.id, a.cluster_id AS "clusterId", a.created_at AS "createdAt", a.finished_at AS "finishedAt",
         a.summary -> 'findings' AS findings, (a.scores -> 'overall' ->> 'score')::float8 AS score
       FROM assessments a
       WHERE a.organization_id = $1 AND a.engagement_id = $2 AND a.cluster_id = ANY($3::uuid[])
         AND a.status = $4
       ORDER BY a.created_at, a.id`,
      [organizationId, engagementId, clusterIds, AssessmentStatus.Succeeded],
    );
  }
}
