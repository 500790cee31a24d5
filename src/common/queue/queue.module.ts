import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queues';

function redisConnection(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.username && { username: decodeURIComponent(url.username) }),
    ...(url.password && { password: decodeURIComponent(url.password) }),
    ...(url.pathname.length > 1 && { db: Number(url.pathname.slice(1)) }),
    ...(url.protocol === 'rediss:' && { tls: {} }),
    // Fail fast while Redis is down instead of queueing commands forever; BullMQ reconnects by itself.
    maxRetriesPerRequest: null,
    enableOfflineQueue: false,
  };
}

/** Global: every feature module may inject its queues with @InjectQueue. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnection(config.redisUrl),
        prefix: config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(
      { name: QueueName.AssessmentRun },
      { name: QueueName.ReportRender },
      { name: QueueName.TicketSync },
    ),
  ],
  exports: [BullModule],
})
export class QueueModule {}
