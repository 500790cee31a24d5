import { Module } from '@nestjs/common';
import { TicketSyncQueue } from './ticket-sync-queue';

/** The ticket-sync queue's producer, for the API's push routes and the assessment worker's follow-up. */
@Module({ providers: [TicketSyncQueue], exports: [TicketSyncQueue] })
export class TicketSyncQueueModule {}
