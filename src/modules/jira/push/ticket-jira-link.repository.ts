import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TicketJiraLinkEntity } from './ticket-jira-link.entity';

export type NewTicketJiraLink = Omit<TicketJiraLinkEntity, 'createdAt' | 'updatedAt'>;

@Injectable()
export class TicketJiraLinkRepository {
  constructor(
    @InjectRepository(TicketJiraLinkEntity) private readonly links: Repository<TicketJiraLinkEntity>,
  ) {}

  find(ticketId: string): Promise<TicketJiraLinkEntity | null> {
    return this.links.findOne({ where: { ticketId } });
  }

  /** The link of a Jira issue, by its id or key (the caller checks the organization it belongs to). */
  findByIssue(issueIdOrKey: string): Promise<TicketJiraLinkEntity | null> {
    return this.links.findOne({ where: [{ issueId: issueIdOrKey }, { issueKey: issueIdOrKey }] });
  }

  insert(link: NewTicketJiraLink): Promise<TicketJiraLinkEntity> {
    return this.links.save(this.links.create(link));
  }

  async markPushed(ticketId: string, revision: number): Promise<void> {
    await this.links.update({ ticketId }, { pushedRevision: revision });
  }
}
