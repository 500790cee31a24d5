import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';
import { JobName, type RunAssessmentPayload } from '../../common/queue/queues';
import type { TicketSyncQueue } from '../jira/push/ticket-sync-queue';
import { JobOutcome } from '../metrics/job-outcome';
import type { MetricsService } from '../metrics/metrics.service';
import { AssessmentInputError } from './assessment-input-error';
import { AssessmentRunProcessor } from './assessment-run.processor';
import { type AssessmentRunner, RunOutcome } from './assessment-runner';

const ASSESSMENT = '6d1f4a8e-0c1b-4d2a-9c3e-5b7a8f9e0d1c';

function job(attemptsMade: number, attempts = 5): Job<RunAssessmentPayload> {
  return {
    name: JobName.RunAssessment,
    data: { assessmentId: ASSESSMENT },
    attemptsMade,
    opts: { attempts },
  } as Job<RunAssessmentPayload>;
}

function processorWith(run: () => Promise<RunOutcome>) {
  const fail = jest.fn<Promise<void>, [string, string]>().mockResolvedValue(undefined);
  const runner = { run: jest.fn(run), fail } as unknown as AssessmentRunner;
  const observeJob = jest.fn<Promise<void>, [number, JobOutcome]>().mockResolvedValue(undefined);
  const metrics = { observeJob } as unknown as MetricsService;
  const verifyAfter = jest.fn<Promise<void>, [string]>().mockResolvedValue(undefined);
  const tickets = { verifyAfter } as unknown as TicketSyncQueue;
  return { processor: new AssessmentRunProcessor(runner, metrics, tickets), fail, observeJob, verifyAfter };
}

describe('AssessmentRunProcessor', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  it('runs the assessment the job names, counts the attempt as completed, and queues the ticket check', async () => {
    const { processor, fail, observeJob, verifyAfter } = processorWith(() =>
      Promise.resolve(RunOutcome.Succeeded),
    );
    await expect(processor.process(job(0))).resolves.toBe(RunOutcome.Succeeded);
    expect(fail).not.toHaveBeenCalled();
    expect(observeJob).toHaveBeenCalledWith(expect.any(Number), JobOutcome.Completed);
    expect(verifyAfter).toHaveBeenCalledWith(ASSESSMENT);
  });

  it('fails the assessment at once, without retry, on input that can never work', async () => {
    const { processor, fail, observeJob } = processorWith(() =>
      Promise.reject(new AssessmentInputError('the snapshot no longer exists')),
    );
    await expect(processor.process(job(0))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(observeJob).toHaveBeenCalledWith(expect.any(Number), JobOutcome.Failed);
    expect(fail).toHaveBeenCalledWith(ASSESSMENT, 'the snapshot no longer exists');
  });

  it('treats a Postgres data exception as permanent', async () => {
    const { processor, fail } = processorWith(() =>
      Promise.reject(Object.assign(new Error('value too long'), { code: '22001' })),
    );
    await expect(processor.process(job(0))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(fail).toHaveBeenCalledTimes(1);
  });

  it('lets BullMQ retry a transient failure and fails the assessment only on the last attempt', async () => {
    const outage = () =>
      Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const early = processorWith(outage);
    await expect(early.processor.process(job(3))).rejects.toThrow('connect ECONNREFUSED');
    expect(early.fail).not.toHaveBeenCalled();
    const last = processorWith(outage);
    await expect(last.processor.process(job(4))).rejects.toThrow('connect ECONNREFUSED');
    expect(last.fail).toHaveBeenCalledWith(ASSESSMENT, 'failed after 5 attempts: connect ECONNREFUSED');
  });
});
