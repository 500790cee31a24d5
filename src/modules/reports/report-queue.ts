import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueJob } from '../../common/queue/enqueue';
import { JobName, QueueName, type RenderReportPayload } from '../../common/queue/queues';

/** Puts renderings on the report-render queue; the job id is the report id. */
@Injectable()
export class ReportQueue {
  constructor(@InjectQueue(QueueName.ReportRender) private readonly queue: Queue<RenderReportPayload>) {}

  enqueueRender(reportId: string): Promise<void> {
    return enqueueJob(this.queue, JobName.RenderReport, { reportId }, reportId, 'report');
  }
}
