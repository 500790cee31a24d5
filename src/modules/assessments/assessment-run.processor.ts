import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName, type RunAssessmentPayload } from '../../common/queue/queues';
import { AssessmentInputError, isPermanentDatabaseError } from './assessment-input-error';
import { AssessmentRunner, type RunOutcome } from './assessment-runner';

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

  constructor(private readonly runner: AssessmentRunner) {
    super();
  }

  async process(job: Job<RunAssessmentPayload>): Promise<RunOutcome> {
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
