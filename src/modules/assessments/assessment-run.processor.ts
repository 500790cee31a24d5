import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName, type RunAssessmentPayload } from '../../common/queue/queues';
import { TicketSyncQueue } from '../jira/push/ticket-sync-queue';
import { JobOutcome } from '../metrics/job-outcome';
import { MetricsService } from '../metrics/metrics.service';
import { AssessmentInputError, isPermanentDatabaseError } from './assessment-input-error';
import { AssessmentRunner, RunOutcome } from './assessment-runner';

/** How long a run waits for the cluster's running assessment before it looks again. */
const BUSY_RETRY_MS = 2_000;

function isLastAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

/**
 * Consumes assessment-run jobs. Input that can never work fails the assessment at once (UnrecoverableError:
 * no retry); anything else is retried per DEFAULT_JOB_OPTIONS and fails the assessment on the last attempt.
 */
@Processor(QueueName.AssessmentRun)
export class AssessmentRunProcessor extends WorkerHost {
  private readonly logger = new Logger(AssessmentRunProcessor.name);

  constructor(
    private readonly runner: AssessmentRunner,
    private readonly metrics: MetricsService,
    private readonly tickets: TicketSyncQueue,
  ) {
    super();
  }

  /**
   * One attempt, timed and counted by outcome. While another assessment of the cluster runs, the job waits in
   * the delayed set (not an attempt: it is neither counted nor retried).
   */
  async process(job: Job<RunAssessmentPayload>, token?: string): Promise<RunOutcome> {
    const started = performance.now();
    let outcome: JobOutcome | undefined = JobOutcome.Failed;
    try {
      const result = await this.attempt(job);
      if (result === RunOutcome.Busy) {
        outcome = undefined;
        await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
        throw new DelayedError();
      }
      outcome = JobOutcome.Completed;
      // Skipped: the run had already ended, maybe succeeded before its follow-up could be queued. The follow-up
      // job's id is the assessment's, so queuing it twice runs it once; it checks the assessment succeeded.
      if (result === RunOutcome.Succeeded || result === RunOutcome.Skipped) {
        await this.followUp(job.data.assessmentId);
      }
      return result;
    } finally {
      if (outcome) {
        await this.metrics.observeJob((performance.now() - started) / 1000, outcome);
      }
    }
  }

  /** Tickets of the cluster moved to Done in Jira are confirmed or reopened by this run, on the sync queue. */
  private async followUp(assessmentId: string): Promise<void> {
    try {
      await this.tickets.verifyAfter(assessmentId);
    } catch (error) {
      // The tickets stay pending verification until the cluster's next assessment queues it again.
      this.logger.warn(`ticket verification after ${assessmentId} not queued: ${(error as Error).message}`);
    }
  }

  private async attempt(job: Job<RunAssessmentPayload>): Promise<RunOutcome> {
    if (job.name !== (JobName.RunAssessment as string)) {
      throw new UnrecoverableError(`unknown job ${job.name}`);
    }
    const { assessmentId } = job.data;
    try {
      return await this.runner.run(assessmentId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof AssessmentInputError || isPermanentDatabaseError(error)) {
        await this.runner.fail(assessmentId, message);
        throw new UnrecoverableError(message);
      }
      this.logger.warn(`assessment ${assessmentId} attempt ${job.attemptsMade + 1} failed: ${message}`);
      if (isLastAttempt(job)) {
        await this.runner.fail(assessmentId, `failed after ${job.attemptsMade + 1} attempts: ${message}`);
      }
      throw error;
    }
  }
}
