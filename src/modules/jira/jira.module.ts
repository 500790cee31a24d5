import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TicketStoreModule } from '../tickets/ticket-store.module';
import { TicketsModule } from '../tickets/tickets.module';
import { JiraStoreModule } from './jira-store.module';
import { TicketPushController } from './push/ticket-push.controller';
import { TicketPushService } from './push/ticket-push.service';
import { TicketSyncQueueModule } from './push/ticket-sync-queue.module';
import { TicketSyncStateRepository } from './push/ticket-sync-state.repository';
import { JiraSettingsController } from './settings/jira-settings.controller';
import { JiraSettingsService } from './settings/jira-settings.service';
import { JiraWebhookController } from './webhook/jira-webhook.controller';
import { JiraWebhookService } from './webhook/jira-webhook.service';

/** The Jira routes of the API: settings and verify, pushes, the webhook. */
@Module({
  imports: [JiraStoreModule, OrganizationsModule, TicketsModule, TicketStoreModule, TicketSyncQueueModule],
  controllers: [JiraSettingsController, TicketPushController, JiraWebhookController],
  providers: [JiraSettingsService, TicketPushService, TicketSyncStateRepository, JiraWebhookService],
})
export class JiraModule {}
