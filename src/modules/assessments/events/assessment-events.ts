import { once } from 'node:events';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CollectionProgress } from '../../../collectors/kubernetes/collector';
import { withTimeout } from '../../../common/async/with-timeout';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { QueueName } from '../../../common/queue/queues';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { AssessmentStage, AssessmentStatus } from '../entities/assessment.entity';

/** A change of an assessment's status, stage or progress, as the events route streams it. */
export interface AssessmentEvent {
  status: AssessmentStatus;
  stage: AssessmentStage;
  progress: number;
  collection?: CollectionProgress;
  failure?: string;
  at: string;
}

/** Enough for every stage change and a progress event a second through a long run. */
const MAX_EVENTS = 2_000;
const RETENTION_SECONDS = 24 * 3600;
const BLOCK_MS = 2_000;
const CONNECT_TIMEOUT_MS = 3_000;
const PUBLISH_TIMEOUT_MS = 2_000;

/** Follows one assessment's events on an open connection; see AssessmentEvents.open. */
export type EventFollower = (
  idle: () => Promise<AssessmentEvent | undefined>,
) => AsyncGenerator<AssessmentEvent>;

export const TERMINAL_STATUSES: readonly AssessmentStatus[] = [
  AssessmentStatus.Succeeded,
  AssessmentStatus.Failed,
  AssessmentStatus.Cancelled,
];

type Client = Pick<Redis, 'xadd' | 'expire' | 'duplicate'>;

/**
 * Each assessment's changes as a Redis stream: the worker and the API append, any API replica replays and
 * follows it, in order, for server-sent events. Postgres stays the record of the state; a lost event only
 * delays a follower until it reads the state itself.
 */
@Injectable()
export class AssessmentEvents {
  private readonly logger = new Logger(AssessmentEvents.name);

  constructor(
    @InjectQueue(QueueName.AssessmentRun) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Appends an event; Redis being down never fails the run that reports it. */
  async publish(assessmentId: string, event: Omit<AssessmentEvent, 'at'>): Promise<void> {
    try {
      const client = await this.client();
      const key = this.key(assessmentId);
      const data = JSON.stringify({ ...event, at: new Date().toISOString() });
      // A half-open Redis must not stall a run or a request: an event is not worth waiting for.
      await withTimeout(
        Promise.all([
          client.xadd(key, 'MAXLEN', '~', String(MAX_EVENTS), '*', 'event', data),
          client.expire(key, RETENTION_SECONDS),
        ]),
        PUBLISH_TIMEOUT_MS,
        'redis',
      );
    } catch (error) {
      this.logger.warn(`assessment ${assessmentId}: event not published: ${(error as Error).message}`);
    }
  }

  /**
   * Opens a connection of its own (reads block) for following the assessment's events, and closes it when
   * `signal` aborts (the client left or the stream ended). 503 when Redis does not answer in time, before
   * anything is streamed.
   */
  async open(assessmentId: string, signal: AbortSignal): Promise<EventFollower> {
    const connection = (await this.client()).duplicate();
    const close = () => connection.disconnect();
    signal.addEventListener('abort', close, { once: true });
    try {
      // The queue's options refuse commands before the connection is up (no offline queue).
      if (connection.status !== 'ready') {
        await withTimeout(once(connection, 'ready'), CONNECT_TIMEOUT_MS, 'redis');
      }
    } catch {
      close();
      throw new DomainError(ErrorCode.QueueUnavailable, 'the event stream is unavailable; try again later');
    }
    return (idle) => this.follow(connection, assessmentId, idle, signal);
  }

  /**
   * Every event of the assessment from the first, then new ones as they come. `idle` is asked whenever nothing
   * came for a while: it answers the state to end with when the assessment has finished without a final event
   * (Redis lost it), or undefined to keep waiting.
   */
  private async *follow(
    connection: Pick<Redis, 'xread'>,
    assessmentId: string,
    idle: () => Promise<AssessmentEvent | undefined>,
    signal: AbortSignal,
  ): AsyncGenerator<AssessmentEvent> {
    let last = '0';
    while (!signal.aborted) {
      const reply = (await connection.xread('BLOCK', BLOCK_MS, 'STREAMS', this.key(assessmentId), last)) as
        | [string, [string, string[]][]][]
        | null;
      if (!reply) {
        const final = await idle();
        if (final) {
          yield final;
          return;
        }
        continue;
      }
      for (const [id, fields] of reply[0]![1]) {
        last = id;
        const event = JSON.parse(fields[1]!) as AssessmentEvent;
        yield event;
        if (TERMINAL_STATUSES.includes(event.status)) {
          return;
        }
      }
    }
  }

  private key(assessmentId: string): string {
    return `${this.config.queuePrefix}:assessment-events:${assessmentId}`;
  }

  private async client(): Promise<Client> {
    return (await this.queue.getBackend().client) as unknown as Redis;
  }
}
