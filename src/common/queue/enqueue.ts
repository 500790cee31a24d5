import type { Queue } from 'bullmq';
import { withTimeout } from '../async/with-timeout';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

/** While Redis is unreachable BullMQ waits for a connection; the API answers 503 instead of hanging. */
export const ENQUEUE_TIMEOUT_MS = 3_000;

/** Waits for a queue operation; QUEUE_UNAVAILABLE (503) when Redis does not take it in time. */
export async function queued<T>(operation: Promise<T>, queueLabel: string): Promise<T> {
  try {
    return await withTimeout(operation, ENQUEUE_TIMEOUT_MS, 'redis');
  } catch {
    throw new DomainError(
      ErrorCode.QueueUnavailable,
      `the ${queueLabel} queue is unavailable; try again later`,
    );
  }
}

/** Adds a job whose id is the id of the row it works on, so a duplicate enqueue collapses into one job. */
export async function enqueueJob<T>(
  queue: Queue<T>,
  name: string,
  payload: T,
  jobId: string,
  queueLabel: string,
): Promise<void> {
  // BullMQ's generic job-name types do not narrow for a queue of one payload type.
  await queued((queue as Queue).add(name, payload, { jobId }), queueLabel);
}
