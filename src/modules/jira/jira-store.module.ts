import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../common/crypto/crypto.module';
import { TicketJiraLinkEntity } from './push/ticket-jira-link.entity';
import { TicketJiraLinkRepository } from './push/ticket-jira-link.repository';
import { JiraConnections } from './settings/jira-connections';
import { JiraSettingsEntity } from './settings/jira-settings.entity';
import { JiraSettingsRepository } from './settings/jira-settings.repository';

/** Organizations' Jira settings and tickets' issue links, with the clients built from them; no routes. */
@Module({
  imports: [TypeOrmModule.forFeature([JiraSettingsEntity, TicketJiraLinkEntity]), CryptoModule],
  providers: [JiraSettingsRepository, TicketJiraLinkRepository, JiraConnections],
  exports: [JiraSettingsRepository, TicketJiraLinkRepository, JiraConnections],
})
export class JiraStoreModule {}
