import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { In, type Repository } from 'typeorm';
import type { CollectionProgress } from '../../collectors/kubernetes/collector';
import type { CheckResult } from '../../engine/check-result';
import type { ExceptionReport } from '../../engine/exceptions';
import type { InputError } from '../../engine/input-error';
import type { CoverageGap } from '../../engine/inventory/inventory';
import type { ScanSummary } from '../../engine/scan';
import type { Scores } from '../../engine/scoring';
import { entityColumns } from '../../common/database/entity-select';
import type { TenantScope } from '../auth/caller';
import { newestFirst, type PageRequest } from '../../common/http/paging';
import {
  type AssessmentProfile,
  AssessmentEntity,
  AssessmentStage,
  AssessmentStatus,
  type StageTimings,
} from './entities/assessment.entity';

export interface NewAssessment {
  organizationId: string;
  engagementId: string;
  clusterId: string;
  snapshotId: string | null;
  profile: AssessmentProfile;
}

export interface AssessmentResults {
  summary: ScanSummary;
  scores: Scores;
  checkResults: CheckResult[];
  coverageGaps: CoverageGap[];
  inputErrors: InputError[];
  exceptions: ExceptionReport[];
}

export interface AssessmentFilter {
  engagementId?: string;
  clusterId?: string;
}

/** States a run may still move out of; a finished or cancelled assessment is never touched again. */
const ACTIVE = [AssessmentStatus.Queued, AssessmentStatus.Running];

/** Finished assessments kept in memory; each holds its check results (tens of KB). */
const FINISHED_CACHE_ENTRIES = 500;

function visibleTo(scope: TenantScope, assessment: AssessmentEntity): boolean {
  return scope.kind !== 'organization' || assessment.organizationId === scope.organizationId;
}

/** The condition of a read by id, narrowed to the organization when the scope is one tenant. */
function byIdForScope(scope: TenantScope, id: string): { where: string; parameters: string[] } {
  return scope.kind === 'organization'
    ? { where: 'id = $1 AND organization_id = $2', parameters: [id, scope.organizationId] }
    : { where: 'id = $1', parameters: [id] };
}

@Injectable()
export class AssessmentRepository {
  private readonly columns: string;
  /**
   * Rows of finished assessments by id. Safe to share between requests and replicas' answers agree: a row
   * never changes once its run has ended (every update is conditional on an active status).
   */
  private readonly finished = new LRUCache<string, AssessmentEntity>({ max: FINISHED_CACHE_ENTRIES });

  constructor(
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
  ) {
    this.columns = entityColumns(assessments);
  }

  insert(assessment: NewAssessment): Promise<AssessmentEntity> {
    return this.assessments.save(
      this.assessments.create({
        ...assessment,
        status: AssessmentStatus.Queued,
        stage: AssessmentStage.Queued,
        progress: 0,
      }),
    );
  }

  /**
   * The assessment when the scope may see it; another tenant's assessment is simply absent. Hand-written SQL:
   * this read serves every GET of an assessment, and the query builder cost more CPU than the query. A
   * finished assessment is read once, then served from memory under the same scope condition.
   */
  async findForScope(scope: TenantScope, id: string): Promise<AssessmentEntity | null> {
    const finished = this.finished.get(id);
    if (finished) {
      return visibleTo(scope, finished) ? finished : null;
    }
    const { where, parameters } = byIdForScope(scope, id);
    const rows: AssessmentEntity[] = await this.assessments.query(
      `SELECT ${this.columns} FROM assessments WHERE ${where}`,
      parameters,
    );
    const assessment = rows[0] ?? null;
    if (assessment && !ACTIVE.includes(assessment.status)) {
      this.finished.set(id, assessment);
    }
    return assessment;
  }

  /** Whether the scope may see the assessment, without reading its results (tens of KB of jsonb). */
  async existsForScope(scope: TenantScope, id: string): Promise<boolean> {
    const { where, parameters } = byIdForScope(scope, id);
    const rows: unknown[] = await this.assessments.query(
      `SELECT 1 FROM assessments WHERE ${where}`,
      parameters,
    );
    return rows.length > 0;
  }

  listForScope(scope: TenantScope, filter: AssessmentFilter, page: PageRequest): Promise<AssessmentEntity[]> {
    const query = this.assessments.createQueryBuilder('assessment');
    if (scope.kind === 'organization') {
      query.andWhere('assessment.organization_id = :organizationId', {
        organizationId: scope.organizationId,
      });
    }
    if (filter.engagementId) {
      query.andWhere('assessment.engagement_id = :engagementId', { engagementId: filter.engagementId });
    }
    if (filter.clusterId) {
      query.andWhere('assessment.cluster_id = :clusterId', { clusterId: filter.clusterId });
    }
    return newestFirst(query, 'assessments', page).getMany();
  }

  /** For the worker, which acts on behalf of no tenant: the job names the row. */
  findById(id: string): Promise<AssessmentEntity | null> {
    return this.assessments.findOne({ where: { id } });
  }

  /**
   * Marks a run started: `started`, or `inactive` when the assessment is gone or no longer active (e.g.
   * cancelled), or `busy` while another assessment of the same cluster runs — one at a time per cluster, so two
   * runs never load one API server together. A transaction-scoped advisory lock on the cluster makes the check
   * and the update one step for concurrent workers.
   */
  start(
    id: string,
    clusterId: string,
    at: Date,
    abandonedBefore: Date,
  ): Promise<'started' | 'inactive' | 'busy'> {
    return this.assessments.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`assessment-run:${clusterId}`]);
      // A run that started before its time limit could have ended is no longer running anywhere (its job was
      // lost or failed without reaching the processor): it must not hold the cluster forever.
      await manager.query(
        `UPDATE assessments SET status = 'failed', finished_at = $3,
           failure = 'the run was abandoned: it did not end within its time limit'
         WHERE cluster_id = $1 AND status = 'running' AND id <> $2 AND started_at < $4`,
        [clusterId, id, at, abandonedBefore],
      );
      const others: unknown[] = await manager.query(
        "SELECT 1 FROM assessments WHERE cluster_id = $1 AND status = 'running' AND id <> $2 LIMIT 1",
        [clusterId, id],
      );
      if (others.length > 0) {
        return 'busy';
      }
      const result = await manager.update(
        AssessmentEntity,
        { id, status: In(ACTIVE) },
        { status: AssessmentStatus.Running, stage: AssessmentStage.Collecting, startedAt: at, failure: null },
      );
      return (result.affected ?? 0) > 0 ? 'started' : 'inactive';
    });
  }

  /** The current status, read fresh (runs poll it to notice a cancel). */
  async statusOf(id: string): Promise<AssessmentStatus | undefined> {
    const rows: { status: AssessmentStatus }[] = await this.assessments.query(
      'SELECT status FROM assessments WHERE id = $1',
      [id],
    );
    return rows[0]?.status;
  }

  /**
   * Cancels an active assessment and deletes the findings it stored, in one transaction: the row lock it takes
   * waits for a batch being inserted, and later batches insert nothing (see the findings INSERT). False when the
   * assessment is not active (finished, cancelled) or not visible to the scope.
   */
  cancel(scope: TenantScope, id: string, at: Date): Promise<boolean> {
    const { where, parameters } = byIdForScope(scope, id);
    return this.assessments.manager.transaction(async (manager) => {
      const [rows]: [unknown[], number] = await manager.query(
        `UPDATE assessments SET status = 'cancelled', finished_at = $${parameters.length + 1}
         WHERE ${where} AND status IN ('queued', 'running') RETURNING id`,
        [...parameters, at],
      );
      if (rows.length === 0) {
        return false;
      }
      await manager.query('DELETE FROM findings WHERE assessment_id = $1', [id]);
      return true;
    });
  }

  async advance(id: string, stage: AssessmentStage, progress: number, timings: StageTimings): Promise<void> {
    await this.assessments.update(
      { id, status: AssessmentStatus.Running },
      { stage, progress, timings: { ...timings } },
    );
  }

  async reportCollection(id: string, collection: CollectionProgress, progress: number): Promise<void> {
    await this.assessments.update({ id, status: AssessmentStatus.Running }, { collection, progress });
  }

  /** Names the snapshot a live collection stored: a retried run evaluates it instead of collecting again. */
  async attachSnapshot(id: string, snapshotId: string, collection: CollectionProgress): Promise<void> {
    await this.assessments.update({ id, status: AssessmentStatus.Running }, { snapshotId, collection });
  }

  async reportProgress(id: string, progress: number): Promise<void> {
    await this.assessments.update({ id, status: AssessmentStatus.Running }, { progress });
  }

  async storeResults(id: string, results: AssessmentResults): Promise<void> {
    await this.assessments.update({ id, status: AssessmentStatus.Running }, { ...results });
  }

  /** Ends a running assessment as succeeded; false when it is no longer running (cancelled meanwhile). */
  async succeed(id: string, timings: StageTimings, at: Date): Promise<boolean> {
    const result = await this.assessments.update(
      { id, status: AssessmentStatus.Running },
      {
        status: AssessmentStatus.Succeeded,
        stage: AssessmentStage.Done,
        progress: 100,
        timings: { ...timings },
        finishedAt: at,
      },
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Ends an active assessment as failed, and deletes the findings it had stored: a failed run has no results,
   * not part of them. A finished one keeps its outcome.
   */
  fail(id: string, failure: string, at: Date): Promise<void> {
    return this.assessments.manager.transaction(async (manager) => {
      const result = await manager.update(
        AssessmentEntity,
        { id, status: In(ACTIVE) },
        { status: AssessmentStatus.Failed, failure, finishedAt: at },
      );
      if ((result.affected ?? 0) > 0) {
        await manager.query('DELETE FROM findings WHERE assessment_id = $1', [id]);
      }
    });
  }
}
