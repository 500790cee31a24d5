import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobName, QueueName, type RenderReportPayload } from '../../../common/queue/queues';
import { ReportRenderer } from './report-renderer';

/**
 * Consumes report-render jobs: retried per DEFAULT_JOB_OPTIONS (a database hiccup), and the report is marked
 * failed, with the reason, on the last attempt.
 */
@Processor(QueueName.ReportRender)
export class ReportRenderProcessor extends WorkerHost {
  private readonly logger = new Logger(ReportRenderProcessor.name);

  constructor(private readonly renderer: ReportRenderer) {
    super();
  }

  async process(job: Job<RenderReportPayload>): Promise<void> {
    if (job.name !== (JobName.RenderReport as string)) {
      throw new UnrecoverableError(`unknown job ${job.name}`);
    }
    const { reportId } = job.data;
    try {
      await this.renderer.render(reportId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempt = job.attemptsMade + 1;
      this.logger.warn(`report ${reportId} attempt ${attempt} failed: ${message}`);
      if (attempt >= (job.opts.attempts ?? 1)) {
        // Clients read `failure`: it says what to do, the log says what went wrong.
        await this.renderer.fail(
          reportId,
          `rendering failed after ${attempt} attempts; request a new report`,
        );
      }
      throw error;
    }
  }
}
