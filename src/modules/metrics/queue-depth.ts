import type { Queue } from 'bullmq';
import { Gauge, type Registry } from 'prom-client';
import { withTimeout } from '../../common/async/with-timeout';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** A scrape must not hang on Redis. */
const COLLECT_TIMEOUT_MS = 1_000;

/** `assessment_queue_depth{state}`, read from Redis at every scrape; absent while Redis does not answer. */
export function registerQueueDepth(registry: Registry, queue: Queue): void {
  const gauge: Gauge<'state'> = new Gauge({
    name: 'assessment_queue_depth',
    help: 'Jobs in the assessment-run queue by state, read at scrape time.',
    labelNames: ['state'],
    registers: [registry],
    collect: async () => {
      try {
        const counts = await withTimeout(queue.getJobCounts(...STATES), COLLECT_TIMEOUT_MS, 'redis');
        for (const state of STATES) {
          gauge.set({ state }, counts[state] ?? 0);
        }
      } catch {
        // A stale depth would look healthy; no sample says "unknown". /health/ready reports the outage.
        gauge.reset();
      }
    },
  });
}
