import { Module } from '@nestjs/common';
import { QueueModule } from '../../common/queue/queue.module';
import { HealthController } from './health.controller';
import { QueueConnectionMonitor } from './queue-connection.monitor';
import { ReadinessService } from './readiness.service';

/** Liveness and readiness probes. */
@Module({
  imports: [QueueModule],
  controllers: [HealthController],
  providers: [ReadinessService, QueueConnectionMonitor],
})
export class HealthModule {}
