import { performance } from 'node:perf_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
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
import { AssessmentEvents } from './events/assessment-events';
import { RunControl, RunStopped, StopReason } from './run-control';
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
  /** Cancelled while it ran: stopped, its findings gone. */
  Cancelled = 'cancelled',
  /** Another assessment of the cluster is running: try again later. */
  Busy = 'busy',
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

/** Beyond its time limit, a run that is still marked running is taken as abandoned after this much more. */
const ABANDON_GRACE_MS = 5 * 60_000;

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
    private readonly events: AssessmentEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(assessmentId: string): Promise<RunOutcome> {
    const assessment = await this.assessments.findById(assessmentId);
    if (!assessment || FINISHED.includes(assessment.status)) {
      return RunOutcome.Skipped;
    }
    const now = new Date();
    const abandonedBefore = new Date(now.getTime() - this.config.assessmentTimeLimitMs - ABANDON_GRACE_MS);
    const started = await this.assessments.start(assessment.id, assessment.clusterId, now, abandonedBefore);
    if (started !== 'started') {
      return started === 'busy' ? RunOutcome.Busy : RunOutcome.Skipped;
    }
    const control = new RunControl(
      () => this.assessments.statusOf(assessment.id),
      this.config.assessmentTimeLimitMs,
    );
    try {
      const timings = await this.stages(assessment, control);
      if (!(await this.assessments.succeed(assessment.id, timings, new Date()))) {
        // Cancelled after the last check: the cancel has deleted the findings and published the outcome.
        return RunOutcome.Cancelled;
      }
      await this.events.publish(assessment.id, {
        status: AssessmentStatus.Succeeded,
        stage: AssessmentStage.Done,
        progress: 100,
      });
      return RunOutcome.Succeeded;
    } catch (error) {
      const stopped = control.explain(error);
      if (stopped instanceof RunStopped && stopped.reason === StopReason.Cancelled) {
        return RunOutcome.Cancelled;
      }
      if (stopped instanceof RunStopped) {
        throw new AssessmentInputError(
          `${stopped.message} (limit ${this.config.assessmentTimeLimitMs / 1000} s)`,
        );
      }
      throw stopped;
    } finally {
      control.dispose();
    }
  }

  /** collect → evaluate → persist → score; returns the time each stage took. */
  private async stages(assessment: AssessmentEntity, control: RunControl): Promise<StageTimings> {
    const timings: StageTimings = {};
    const inventory = await this.stage(assessment, AssessmentStage.Collecting, timings, control, () =>
      this.collector.inventoryFor(assessment, control.signal),
    );
    const result = await this.stage(assessment, AssessmentStage.Evaluating, timings, control, async () =>
      this.evaluate(assessment, inventory, await this.exceptionSpecs(assessment)),
    );
    const summary = await this.stage(assessment, AssessmentStage.Persisting, timings, control, () =>
      this.persist(assessment, result, control),
    );
    await this.stage(assessment, AssessmentStage.Scoring, timings, control, () =>
      this.assessments.storeResults(assessment.id, {
        summary,
        scores: result.scores,
        checkResults: result.checks,
        coverageGaps: inventory.coverageGaps,
        inputErrors: result.inputErrors,
        exceptions: result.exceptions,
      }),
    );
    return timings;
  }

  /** Ends the assessment as failed with a message for its readers (no-op when it already finished). */
  async fail(assessmentId: string, failure: string): Promise<void> {
    await this.assessments.fail(assessmentId, failure, new Date());
    const state = await this.assessments.findById(assessmentId);
    if (state?.status === AssessmentStatus.Failed) {
      await this.events.publish(assessmentId, {
        status: state.status,
        stage: state.stage,
        progress: state.progress,
        failure,
      });
    }
  }

  /** Records the stage as current, runs it and keeps its duration; a stopped run goes no further. */
  private async stage<T>(
    assessment: AssessmentEntity,
    stage: RunStage,
    timings: StageTimings,
    control: RunControl,
    work: () => Promise<T> | T,
  ): Promise<T> {
    control.check();
    await this.assessments.advance(assessment.id, stage, STAGE_PROGRESS[stage], timings);
    await this.events.publish(assessment.id, {
      status: AssessmentStatus.Running,
      stage,
      progress: STAGE_PROGRESS[stage],
    });
    const started = performance.now();
    const result = await work();
    timings[stage] = Math.round(performance.now() - started);
    control.check();
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
  private async persist(
    assessment: AssessmentEntity,
    result: ScanResult,
    control: RunControl,
  ): Promise<ScanSummary> {
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
      control.check();
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
        const progress = first + Math.floor(((PERSISTED_PROGRESS - first) * done) / total);
        await this.assessments.reportProgress(assessment.id, progress);
        await this.events.publish(assessment.id, {
          status: AssessmentStatus.Running,
          stage: AssessmentStage.Persisting,
          progress,
        });
      }
    }
    return summary;
  }
}
