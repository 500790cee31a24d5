import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { QueueName } from '../../common/queue/queues';
import { JobOutcome } from './job-outcome';
import { registerQueueDepth } from './queue-depth';

export interface HttpRequestLabels {
  method: string;
  /** The route pattern (`/v1/clusters/:id`), never the raw URL: ids would explode the series count. */
  route: string;
  status: number;
}

/** The Prometheus metrics of one application instance, in its own registry (several apps share a test process). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly jobDuration: Histogram<'outcome'>;
  private readonly jobFailures: Counter;

  constructor(@InjectQueue(QueueName.AssessmentRun) queue: Queue) {
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
      registers: [this.registry],
    });
    this.jobFailures = new Counter({
      name: 'assessment_job_failures_total',
      help: 'Assessment-run job attempts that failed (retried or not).',
      registers: [this.registry],
    });
    registerQueueDepth(this.registry, queue);
  }

  observeHttpRequest(labels: HttpRequestLabels, durationSeconds: number): void {
    this.httpDuration.observe({ ...labels, status: String(labels.status) }, durationSeconds);
  }

  /** Called by the worker once per job attempt. */
  observeJob(durationSeconds: number, outcome: JobOutcome): void {
    this.jobDuration.observe({ outcome }, durationSeconds);
    if (outcome === JobOutcome.Failed) {
      this.jobFailures.inc();
    }
  }

  /** The exposition text for a scrape. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
