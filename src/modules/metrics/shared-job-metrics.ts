import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AggregatorRegistry, type Registry } from 'prom-client';

/** How long a published copy outlives its process; refreshed well within it while the process runs. */
const TTL_SECONDS = 600;
export const REFRESH_MS = 60_000;
const SCAN_BATCH = 100;

/**
 * Job metrics of every process that runs jobs, shared through Redis so one scrape of any API instance shows
 * what all workers did (workers serve no HTTP). Each process publishes its own registry under its own key;
 * a scrape sums them as prom-client does for a Node cluster. A worker that stops drops out after the TTL,
 * which Prometheus reads as a counter reset.
 */
export class SharedJobMetrics {
  private readonly key: string;
  private readonly pattern: string;

  constructor(
    private readonly queue: Queue,
    keyPrefix: string,
  ) {
    this.key = `${keyPrefix}:metrics:jobs:${randomUUID()}`;
    this.pattern = `${keyPrefix}:metrics:jobs:*`;
  }

  async publish(registry: Registry): Promise<void> {
    const client = await this.client();
    await client.set(this.key, JSON.stringify(await registry.getMetricsAsJSON()), 'EX', TTL_SECONDS);
  }

  /** The summed exposition text of every live process's job metrics. */
  async render(): Promise<string> {
    const client = await this.client();
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await client.scan(cursor, 'MATCH', this.pattern, 'COUNT', SCAN_BATCH);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    const published = keys.length === 0 ? [] : await client.mget(...keys);
    const registries = published.flatMap((text: string | null) => (text ? [JSON.parse(text) as object] : []));
    return registries.length === 0 ? '' : AggregatorRegistry.aggregate(registries).metrics();
  }

  /** The queue's own Redis connection: no second connection per process for a few keys. */
  private async client(): Promise<Pick<Redis, 'set' | 'scan' | 'mget'>> {
    return (await this.queue.getBackend().client) as unknown as Redis;
  }
}
