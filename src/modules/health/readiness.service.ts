import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { withTimeout } from '../../common/async/with-timeout';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { QueueName } from '../../common/queue/queues';
import { DependenciesDto, DependencyState } from './dto/health.dto';

/** A probe must answer quickly: a dependency slower than this counts as down. */
export const PROBE_TIMEOUT_MS = 1_000;

/** Checks the dependencies the API cannot serve without, over the connections it actually uses. */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    @InjectQueue(QueueName.AssessmentRun) private readonly queue: Queue,
  ) {}

  /** The state of every dependency, or a 503 DomainError naming the first one down. */
  async assertReady(): Promise<DependenciesDto> {
    const [postgres, redis] = await Promise.all([
      this.probe('postgres', () => this.database.query('SELECT 1')),
      this.probe('redis', () => this.pingQueueConnection()),
    ]);
    const dependencies = { postgres, redis };
    if (postgres === DependencyState.Down) {
      throw new DomainError(ErrorCode.DatabaseUnavailable, 'postgres is unavailable', { dependencies });
    }
    if (redis === DependencyState.Down) {
      throw new DomainError(ErrorCode.QueueUnavailable, 'redis is unavailable', { dependencies });
    }
    return dependencies;
  }

  private async probe(name: string, check: () => Promise<unknown>): Promise<DependencyState> {
    try {
      await withTimeout(check(), PROBE_TIMEOUT_MS, name);
      return DependencyState.Up;
    } catch (error) {
      this.logger.warn(
        `readiness: ${name} is down: ${error instanceof Error ? error.message : String(error)}`,
      );
      return DependencyState.Down;
    }
  }

  /**
   * The queue's own connection: it resolves only once BullMQ has connected (so it waits while Redis has
   * been down since boot), and PING fails fast afterwards because the offline queue is disabled.
   */
  private async pingQueueConnection(): Promise<void> {
    // BullMQ's client is an ioredis instance behind a proxy; its IRedisClient type does not declare PING.
    const client = (await this.queue.getBackend().client) as unknown as Pick<Redis, 'ping'>;
    await client.ping();
  }
}
