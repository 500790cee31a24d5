import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName, type TicketSyncPayload } from '../../../common/queue/queues';
import { APP_CONFIG, type AppConfig } from '../../../config/config';

/** Schedules the catch-up round on the ticket-sync queue; every worker upserts the same one schedule. */
@Injectable()
export class TicketCatchUpScheduler implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.TicketSync) private readonly queue: Queue<TicketSyncPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await (this.queue as Queue).upsertJobScheduler(
      JobName.CatchUpTickets,
      { every: this.config.ticketCatchUpMs },
      { name: JobName.CatchUpTickets, data: {} },
    );
  }
}
