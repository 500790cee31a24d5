import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { JobOutcome } from '../../src/modules/metrics/job-outcome';
import { MetricsService } from '../../src/modules/metrics/metrics.service';
import { startTestApi, type TestApi } from '../support/api';

async function scrape(api: TestApi): Promise<string> {
  const response = await fetch(`${api.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  const contentType = response.headers.get('content-type') ?? '';
  expect(contentType.split(';', 1)[0]).toBe('text/plain');
  expect(contentType).toContain('version=0.0.4');
  return response.text();
}

/** The value of one sample, e.g. `assessment_queue_depth{state="waiting"}`, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let api: TestApi;
  let other: TestApi;
  beforeAll(async () => {
    [api, other] = await Promise.all([startTestApi(), startTestApi()]);
  });
  afterAll(async () => {
    await api.app.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await Promise.all([api.close(), other.close()]);
  });

  it('serves the process metrics without an API key', async () => {
    const text = await scrape(api);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('times requests by route pattern and status, including those the guard or the router rejects', async () => {
    const id = randomUUID();
    const deleted = await fetch(`${api.baseUrl}/v1/api-keys/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(deleted.status).toBe(404);
    expect((await fetch(`${api.baseUrl}/v1/api-keys`)).status).toBe(401);
    expect((await fetch(`${api.baseUrl}/no/such/${id}`)).status).toBe(404);
    const text = await scrape(api);
    const count = (labels: string) => sample(text, `http_request_duration_seconds_count{${labels}}`);
    expect(count('method="DELETE",route="/v1/api-keys/:id",status="404"')).toBe(1);
    expect(count('method="GET",route="/v1/api-keys",status="401"')).toBe(1);
    expect(count('method="GET",route="unmatched",status="404"')).toBe(1);
    expect(text).not.toContain(id);
  });

  it('reports the assessment queue depth at scrape time', async () => {
    const queue = api.app.get<Queue>(getQueueToken(QueueName.AssessmentRun));
    await queue.add('run-assessment', { assessmentId: randomUUID() });
    await queue.add('run-assessment', { assessmentId: randomUUID() }, { delay: 3_600_000 });
    const text = await scrape(api);
    expect(sample(text, 'assessment_queue_depth{state="waiting"}')).toBe(1);
    expect(sample(text, 'assessment_queue_depth{state="delayed"}')).toBe(1);
    expect(sample(text, 'assessment_queue_depth{state="active"}')).toBe(0);
    expect(sample(text, 'assessment_queue_depth{state="failed"}')).toBe(0);
  });

  it('shows the job durations and failures of worker processes, and only those of its own deployment', async () => {
    // A worker is a separate application with its own registry: what the API shows went through Redis.
    const worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), {
      logger: false,
    });
    try {
      await worker.get(MetricsService).observeJob(2, JobOutcome.Completed);
      await worker.get(MetricsService).observeJob(0.5, JobOutcome.Failed);
    } finally {
      await worker.close();
    }
    const text = await scrape(api);
    expect(sample(text, 'assessment_job_duration_seconds_count{outcome="completed"}')).toBe(1);
    expect(sample(text, 'assessment_job_duration_seconds_sum{outcome="failed"}')).toBe(0.5);
    expect(sample(text, 'assessment_job_failures_total')).toBe(1);
    expect(sample(await scrape(other), 'assessment_job_failures_total')).toBeUndefined();
  });
});
