import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { QueueName } from '../../common/queue/queues';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobOutcome } from './job-outcome';
import { registerQueueDepth } from './queue-depth';
import { REFRESH_MS, SharedJobMetrics } from './shared-job-metrics';

export interface HttpRequestLabels {
  method: string;
  /** The route pattern (`/v1/clusters/:id`), never the raw URL: ids would explode the series count. */
  route: string;
  status: number;
}

/**
 * The Prometheus metrics of one application instance, in its own registries (several apps share a test process):
 * this process's (HTTP, queue depth, runtime), and its job metrics, which are shared with every API instance.
 */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly jobRegistry = new Registry();
  private readonly sharedJobs: SharedJobMetrics;
  private readonly logger = new Logger(MetricsService.name);
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly jobDuration: Histogram<'outcome'>;
  private readonly jobFailures: Counter;
  /** Keeps this process's published job metrics alive once it has run a job. */
  private refresh: NodeJS.Timeout | undefined;

  constructor(@InjectQueue(QueueName.AssessmentRun) queue: Queue, @Inject(APP_CONFIG) config: AppConfig) {
    this.sharedJobs = new SharedJobMetrics(queue, config.queuePrefix);
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.jobDuration = new Histogram({
      name: 'assessment_job_duration_seconds',
      help: 'Duration of assessment-run job attempts by outcome.',
      labelNames: ['outcome'],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [this.jobRegistry],
    });
    this.jobFailures = new Counter({
      name: 'assessment_job_failures_total',
      help: 'Assessment-run job attempts that failed (retried or not).',
      registers: [this.jobRegistry],
    });
    registerQueueDepth(this.registry, queue);
  }

  observeHttpRequest(labels: HttpRequestLabels, durationSeconds: number): void {
    this.httpDuration.observe({ ...labels, status: String(labels.status) }, durationSeconds);
  }

  /** Called by the worker once per job attempt; published at once for the API's scrapes. */
  async observeJob(durationSeconds: number, outcome: JobOutcome): Promise<void> {
    this.jobDuration.observe({ outcome }, durationSeconds);
    if (outcome === JobOutcome.Failed) {
      this.jobFailures.inc();
    }
    this.refresh ??= setInterval(() => void this.publishJobs(), REFRESH_MS).unref();
    await this.publishJobs();
  }

  /** The exposition text for a scrape: this process's metrics, then the job metrics of every worker. */
  async render(): Promise<string> {
    const own = await this.registry.metrics();
    try {
      return `${own}\n${await this.sharedJobs.render()}`;
    } catch (error) {
      // Redis down: the scrape still reports this process; /health/ready says what is wrong.
      this.logger.warn(`job metrics unavailable: ${(error as Error).message}`);
      return own;
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** A metric lost while Redis is down is published with the next job or refresh. */
  private async publishJobs(): Promise<void> {
    try {
      await this.sharedJobs.publish(this.jobRegistry);
    } catch (error) {
      this.logger.warn(`job metrics not published: ${(error as Error).message}`);
    }
  }
}
