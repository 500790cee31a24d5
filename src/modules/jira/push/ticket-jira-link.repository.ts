import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TicketEntity, TicketStatus } from '../../tickets/entities/ticket.entity';
import type { JiraSettingsEntity } from '../settings/jira-settings.entity';
import { TicketJiraLinkEntity } from './ticket-jira-link.entity';

export type NewTicketJiraLink = Omit<TicketJiraLinkEntity, 'createdAt' | 'updatedAt'>;

/** Where the settings put issues: a link made under other settings points into another site or project. */
export function siteOf(settings: Pick<JiraSettingsEntity, 'baseUrl' | 'projectKey'>): string {
  return `${settings.baseUrl} ${settings.projectKey}`;
}

@Injectable()
export class TicketJiraLinkRepository {
  constructor(
    @InjectRepository(TicketJiraLinkEntity) private readonly links: Repository<TicketJiraLinkEntity>,
  ) {}

  find(ticketId: string): Promise<TicketJiraLinkEntity | null> {
    return this.links.findOne({ where: { ticketId } });
  }

  /** The organization's link of an issue of the site its settings name now, by the issue's id. */
  findByIssue(settings: JiraSettingsEntity, issueId: string): Promise<TicketJiraLinkEntity | null> {
    return this.links.findOne({
      where: { organizationId: settings.organizationId, site: siteOf(settings), issueId },
    });
  }

  /** The links, on the site the settings name now, of the organization's tickets that are still open. */
  openOnSite(settings: JiraSettingsEntity): Promise<TicketJiraLinkEntity[]> {
    return this.links
      .createQueryBuilder('link')
      .innerJoin(TicketEntity, 'ticket', 'ticket.id = link.ticket_id')
      .where('link.organization_id = :organizationId AND link.site = :site AND ticket.status = :open', {
        organizationId: settings.organizationId,
        site: siteOf(settings),
        open: TicketStatus.Open,
      })
      .orderBy('link.created_at')
      .getMany();
  }

  /** A plain INSERT: a second link for one ticket is a unique violation, never a silent overwrite. */
  async insert(link: NewTicketJiraLink): Promise<TicketJiraLinkEntity> {
    await this.links.insert(link);
    return (await this.find(link.ticketId))!;
  }

  async delete(ticketId: string): Promise<void> {
    await this.links.delete({ ticketId });
  }

  async markPushed(ticketId: string, revision: number): Promise<void> {
    await this.links.update({ ticketId }, { pushedRevision: revision });
  }
}
