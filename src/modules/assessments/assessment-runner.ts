import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { scan, type ScanResult, type ScanSummary } from '../../engine/scan';
import type { Framework, Layer, Phase } from '../../engine/model';
import { type CheckSelection, UnknownCheckError } from '../../engine/selection';
import { CheckCatalog } from '../checks/check-catalog';
import { applyDecision, toFindingRow } from '../findings/finding-rows';
import { TriageStatus } from '../findings/finding-status';
import { ExceptionRepository } from '../exceptions/exception.repository';
import { TriageDecisionRepository } from '../triage/triage-decision.repository';
import type { ExceptionSpec } from '../../engine/exceptions';
import type { Severity } from '../../engine/model';
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
    private readonly exceptions: ExceptionRepository,
    private readonly decisions: TriageDecisionRepository,
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
    const result = await this.stage(assessment, AssessmentStage.Evaluating, timings, async () =>
      this.evaluate(assessment, inventory, await this.exceptionSpecs(assessment)),
    );
    const summary = await this.stage(assessment, AssessmentStage.Persisting, timings, () =>
      this.persist(assessment, result),
    );
    await this.stage(assessment, AssessmentStage.Scoring, timings, () =>
      this.assessments.storeResults(assessment.id, {
        summary,
        scores: result.scores,
        checkResults: result.checks,
        coverageGaps: inventory.coverageGaps,
        inputErrors: result.inputErrors,
        exceptions: result.exceptions,
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

  /** The organization's exceptions covering the cluster, as the engine applies them (expired ones reported). */
  private async exceptionSpecs(assessment: AssessmentEntity): Promise<ExceptionSpec[]> {
    const rows = await this.exceptions.forCluster(assessment.organizationId, assessment.clusterId);
    return rows.map((row) => ({
      id: row.id,
      check: row.check,
      selector: row.selector,
      justification: row.justification,
      expires: row.expiresAt,
    }));
  }

  private evaluate(
    assessment: AssessmentEntity,
    inventory: CollectedInventory,
    exceptions: readonly ExceptionSpec[],
  ): ScanResult {
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
          exceptions,
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

  /**
   * Stores the findings in batches, each with the triage decision in force for its fingerprint on this cluster
   * (a decision outranks an exception), and returns the summary with the counts those decisions changed.
   */
  private async persist(assessment: AssessmentEntity, result: ScanResult): Promise<ScanSummary> {
    const owner = {
      assessmentId: assessment.id,
      organizationId: assessment.organizationId,
      clusterId: assessment.clusterId,
    };
    const summary = { ...result.summary, findings: { ...result.summary.findings } };
    const now = new Date();
    const total = result.findings.length;
    const first = STAGE_PROGRESS[AssessmentStage.Persisting];
    let reportedAt = performance.now();
    for (let start = 0; start < total; start += FINDING_BATCH_SIZE) {
      const rows = result.findings
        .slice(start, start + FINDING_BATCH_SIZE)
        .map((finding) => toFindingRow(owner, finding));
      const decided = await this.decisions.inForce(
        assessment.clusterId,
        rows.map((row) => row.fingerprint),
        now,
      );
      for (const row of rows) {
        const decision = decided.get(row.fingerprint);
        if (decision) {
          if (row.status === (TriageStatus.Open as string)) {
            summary.findings[row.severity as Severity]--;
            summary.accepted++;
          }
          applyDecision(row, decision);
        }
      }
      await this.findings.insertBatch(rows);
      if (performance.now() - reportedAt >= PROGRESS_INTERVAL_MS) {
        reportedAt = performance.now();
        const done = start + rows.length;
        await this.assessments.reportProgress(
          assessment.id,
          first + Math.floor(((PERSISTED_PROGRESS - first) * done) / total),
        );
      }
    }
    return summary;
  }
}
