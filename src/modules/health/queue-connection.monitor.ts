import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../../common/queue/queues';

/** One warning a minute is enough to see an outage in the logs without a line per reconnect attempt. */
const REPORT_INTERVAL_MS = 60_000;

/**
 * Listens to the queue's connection errors. Without a listener BullMQ prints every reconnect failure to
 * stderr as a stack trace, outside the JSON logs; the outage itself is reported by /health/ready.
 */
@Injectable()
export class QueueConnectionMonitor implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private lastReportAt = Number.NEGATIVE_INFINITY;

  constructor(@InjectQueue(QueueName.AssessmentRun) private readonly queue: Queue) {}

  onModuleInit(): void {
    this.queue.on('error', (error: Error) => this.report(error));
  }

  private report(error: Error): void {
    const now = Date.now();
    if (now - this.lastReportAt < REPORT_INTERVAL_MS) {
      return;
    }
    this.lastReportAt = now;
    this.logger.warn(`redis connection failed (BullMQ keeps reconnecting): ${error.message}`);
  }
}
