import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { JobName, QueueName } from '../../src/common/queue/queues';
import type { AppConfig } from '../../src/config/config';

/**
 * The ticket-sync queue seen from outside the worker: whether push jobs are left, how many jobs completed, and
 * how many were moved to the delayed set. With no 429 injected, a delayed push is one that found its ticket's
 * lease held by another job.
 */
export class SyncQueueWatch {
  /** Jobs completed since the watch started. */
  completed = 0;
  /** Jobs moved to the delayed set since the watch started. */
  delayed = 0;

  private constructor(
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly connections: IORedis[],
  ) {}

  static async start(config: AppConfig): Promise<SyncQueueWatch> {
    const connect = () => new IORedis(config.redisUrl, { maxRetriesPerRequest: null });
    const [queueConnection, eventsConnection] = [connect(), connect()];
    const options = { prefix: config.queuePrefix };
    const queue = new Queue(QueueName.TicketSync, { ...options, connection: queueConnection });
    const events = new QueueEvents(QueueName.TicketSync, { ...options, connection: eventsConnection });
    await events.waitUntilReady();
    const watch = new SyncQueueWatch(queue, events, [queueConnection, eventsConnection]);
    events.on('completed', () => {
      watch.completed++;
    });
    events.on('delayed', () => {
      watch.delayed++;
    });
    return watch;
  }

  /** No job waiting, running or delayed, but the catch-up schedule's next round (always in the delayed set). */
  async idle(): Promise<boolean> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized');
    if (Object.values(counts).some((count) => count > 0)) {
      return false;
    }
    return (await this.queue.getDelayed()).every((job) => job.name === String(JobName.CatchUpTickets));
  }

  async untilIdle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await this.idle())) {
      if (performance.now() > deadline) {
        throw new Error(`the ticket-sync queue still has jobs after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.close();
    for (const connection of this.connections) {
      connection.disconnect();
    }
  }
}
