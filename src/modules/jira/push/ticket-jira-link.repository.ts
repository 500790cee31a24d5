import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
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

  /** The organization's link of a Jira issue, by its id. */
  findByIssue(organizationId: string, issueId: string): Promise<TicketJiraLinkEntity | null> {
    return this.links.findOne({ where: { organizationId, issueId } });
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
