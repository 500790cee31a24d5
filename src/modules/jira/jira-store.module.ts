import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { TicketJiraLinkEntity } from './push/ticket-jira-link.entity';
import { TicketJiraLinkRepository } from './push/ticket-jira-link.repository';
import { JiraConnections } from './settings/jira-connections';
import { JiraSettingsEntity } from './settings/jira-settings.entity';
import { JiraSettingsRepository } from './settings/jira-settings.repository';
import { JiraWebhookDeliveryEntity } from './webhook/jira-webhook-delivery.entity';
import { JiraWebhookDeliveryRepository } from './webhook/jira-webhook-delivery.repository';

/** Organizations' Jira settings, tickets' issue links, webhook deliveries, and the clients; no routes. */
@Module({
  imports: [
    TypeOrmModule.forFeature([JiraSettingsEntity, TicketJiraLinkEntity, JiraWebhookDeliveryEntity]),
    CryptoModule,
  ],
  providers: [
    JiraSettingsRepository,
    TicketJiraLinkRepository,
    JiraWebhookDeliveryRepository,
    JiraConnections,
  ],
  exports: [JiraSettingsRepository, TicketJiraLinkRepository, JiraWebhookDeliveryRepository, JiraConnections],
})
export class JiraStoreModule {}
