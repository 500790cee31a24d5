import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { scan, type ScanResult } from '../../engine/scan';
import type { Framework, Layer, Phase } from '../../engine/model';
import { type CheckSelection, UnknownCheckError } from '../../engine/selection';
import { CheckCatalog } from '../checks/check-catalog';
import { toFindingRow } from '../findings/finding-rows';
import { FindingRepository } from '../findings/finding.repository';
import { AssessmentCollector, type CollectedInventory } from './assessment-collector';
import { AssessmentInputError } from './assessment-input-error';
import { AssessmentRepository } from './assessment.repository';
import {
  type AssessmentEntity,
  type AssessmentProfile,
  AssessmentStage,
  AssessmentStatus,
  type StageTimings,
} from './entities/assessment.entity';

export const FINDING_BATCH_SIZE = 1_000;

export enum RunOutcome {
  Succeeded = 'succeeded',
  /** The assessment is gone or already finished: a duplicate or late job. */
  Skipped = 'skipped',
}

type RunStage =
  | AssessmentStage.Collecting
  | AssessmentStage.Evaluating
  | AssessmentStage.Persisting
  | AssessmentStage.Scoring;

/** Progress (0–100) when each stage starts; persisting moves on batch by batch up to PERSISTED. */
const STAGE_PROGRESS: Record<RunStage, number> = {
  [AssessmentStage.Collecting]: 5,
  [AssessmentStage.Evaluating]: 20,
  [AssessmentStage.Persisting]: 40,
  [AssessmentStage.Scoring]: 95,
};
const PERSISTED_PROGRESS = 90;
/** A progress write per batch would cost as much as a tenth of the inserts: at most one a second. */
const PROGRESS_INTERVAL_MS = 1_000;

/** The profile's lists, validated when the assessment was created, as the engine's check selection. */
function selectionOf(profile: AssessmentProfile): CheckSelection {
  return {
    ...(profile.checks && { checks: profile.checks }),
    ...(profile.layers && { layers: profile.layers as Layer[] }),
    ...(profile.phases && { phases: profile.phases as Phase[] }),
    ...(profile.frameworks && { frameworks: profile.frameworks as Framework[] }),
  };
}

const FINISHED = [AssessmentStatus.Succeeded, AssessmentStatus.Failed, AssessmentStatus.Cancelled];

/**
 * Runs one assessment: collect (the stored snapshot, or the live cluster) → evaluate (the engine) → persist (findings in batches)
 * → score. Safe to run again on the same assessment: findings are keyed by fingerprint, so a retry adds none twice.
 */
@Injectable()
export class AssessmentRunner {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly collector: AssessmentCollector,
    private readonly findings: FindingRepository,
    private readonly catalog: CheckCatalog,
  ) {}

  async run(assessmentId: string): Promise<RunOutcome> {
    const assessment = await this.assessments.findById(assessmentId);
    if (!assessment || FINISHED.includes(assessment.status)) {
      return RunOutcome.Skipped;
    }
    if (!(await this.assessments.start(assessment.id, new Date()))) {
      return RunOutcome.Skipped;
    }
    const timings: StageTimings = {};
    const inventory = await this.stage(assessment, AssessmentStage.Collecting, timings, () =>
      this.collector.inventoryFor(assessment),
    );
    const result = await this.stage(assessment, AssessmentStage.Evaluating, timings, () =>
      this.evaluate(assessment, inventory),
    );
    await this.stage(assessment, AssessmentStage.Persisting, timings, () => this.persist(assessment, result));
    await this.stage(assessment, AssessmentStage.Scoring, timings, () =>
      this.assessments.storeResults(assessment.id, {
        summary: result.summary,
        scores: result.scores,
        checkResults: result.checks,
        coverageGaps: inventory.coverageGaps,
        inputErrors: result.inputErrors,
      }),
    );
    await this.assessments.succeed(assessment.id, timings, new Date());
    return RunOutcome.Succeeded;
  }

  /** Ends the assessment as failed with a message for its readers (no-op when it already finished). */
  async fail(assessmentId: string, failure: string): Promise<void> {
    await this.assessments.fail(assessmentId, failure, new Date());
  }

  /** Records the stage as current, runs it and keeps its duration. */
  private async stage<T>(
    assessment: AssessmentEntity,
    stage: RunStage,
    timings: StageTimings,
    work: () => Promise<T> | T,
  ): Promise<T> {
    await this.assessments.advance(assessment.id, stage, STAGE_PROGRESS[stage], timings);
    const started = performance.now();
    const result = await work();
    timings[stage] = Math.round(performance.now() - started);
    return result;
  }

  private evaluate(assessment: AssessmentEntity, inventory: CollectedInventory): ScanResult {
    const { profile } = assessment;
    try {
      return scan(
        this.catalog.checks,
        {
          objects: inventory.objects.map((object) => ({ object })),
          coverageGaps: inventory.coverageGaps,
          cluster: inventory.clusterInfo,
        },
        {
          selection: selectionOf(profile),
          namespaces: profile.namespaces ? { include: profile.namespaces } : {},
          fingerprintScope: assessment.clusterId,
        },
      );
    } catch (error) {
      if (error instanceof UnknownCheckError) {
        throw new AssessmentInputError(
          `the profile names checks the catalog no longer has: ${error.ids.join(', ')}`,
        );
      }
      throw error;
    }
  }

  private async persist(assessment: AssessmentEntity, result: ScanResult): Promise<void> {
    const owner = {
      assessmentId: assessment.id,
      organizationId: assessment.organizationId,
      clusterId: assessment.clusterId,
    };
    const total = result.findings.length;
    const first = STAGE_PROGRESS[AssessmentStage.Persisting];
    let reportedAt = performance.now();
    for (let start = 0; start < total; start += FINDING_BATCH_SIZE) {
      const batch = result.findings.slice(start, start + FINDING_BATCH_SIZE);
      await this.findings.insertBatch(batch.map((finding) => toFindingRow(owner, finding)));
      if (performance.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
        reportedAt = performance.now();
        const done = start + batch.length;
        await this.assessments.reportProgress(
          assessment.id,
          first + Math.floor(((PERSISTED_PROGRESS - first) * done) / total),
        );
      }
    }
  }
}
