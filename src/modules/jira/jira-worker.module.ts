import { Module } from '@nestjs/common';
import { AssessmentStoreModule } from '../assessments/assessment-store.module';
import { ChecksModule } from '../checks/checks.module';
import { TicketStoreModule } from '../tickets/ticket-store.module';
import { JiraStoreModule } from './jira-store.module';
import { TicketCatchUp } from './push/ticket-catch-up';
import { TicketCatchUpScheduler } from './push/ticket-catch-up.scheduler';
import { TicketPusher } from './push/ticket-pusher';
import { TicketSyncQueueModule } from './push/ticket-sync-queue.module';
import { TicketSyncStateRepository } from './push/ticket-sync-state.repository';
import { TicketSyncProcessor } from './push/ticket-sync.processor';
import { TicketVerifier } from './verify/ticket-verifier';

/** The ticket-sync queue consumer: loaded by the worker process only. */
@Module({
  imports: [JiraStoreModule, TicketStoreModule, AssessmentStoreModule, ChecksModule, TicketSyncQueueModule],
  providers: [
    TicketPusher,
    TicketSyncStateRepository,
    TicketVerifier,
    TicketCatchUp,
    TicketCatchUpScheduler,
    TicketSyncProcessor,
  ],
})
export class JiraWorkerModule {}
