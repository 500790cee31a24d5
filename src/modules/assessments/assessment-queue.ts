import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { withTimeout } from '../../common/async/with-timeout';
import { ENQUEUE_TIMEOUT_MS, enqueueJob } from '../../common/queue/enqueue';
import { JobName, QueueName, type RunAssessmentPayload } from '../../common/queue/queues';

/** While Redis is down the connection fails every second or so: say it once a minute, not every time. */
const ERROR_LOG_INTERVAL_MS = 60_000;

/** Puts assessment runs on the assessment-run queue. */
@Injectable()
export class AssessmentQueue {
  private readonly logger = new Logger(AssessmentQueue.name);
  private lastErrorLoggedAt = 0;

  constructor(@InjectQueue(QueueName.AssessmentRun) private readonly queue: Queue<RunAssessmentPayload>) {
    queue.on('error', (error) => this.connectionFailed(error));
  }

  /** The job id is the assessment id, so a duplicate enqueue of the same assessment collapses into one job. */
  enqueueRun(assessmentId: string): Promise<void> {
    return enqueueJob(this.queue, JobName.RunAssessment, { assessmentId }, assessmentId, 'assessment');
  }

  /** Removes a job that has not started; an active one stops by itself when it sees the cancel. */
  async discard(assessmentId: string): Promise<void> {
    try {
      await withTimeout(this.queue.remove(assessmentId), ENQUEUE_TIMEOUT_MS, 'redis');
    } catch {
      // Locked by a worker, or Redis away: the run notices the cancelled status within a second.
    }
  }

  private connectionFailed(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLoggedAt >= ERROR_LOG_INTERVAL_MS) {
      this.lastErrorLoggedAt = now;
      this.logger.warn(`assessment queue: ${error.message}`);
    }
  }
}
