import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { Page, PageRequest } from '../../common/http/paging';
import type { TenantScope } from '../auth/caller';
import { EngagementRepository } from '../engagements/engagement.repository';
import type { TicketFindingEntity } from './entities/ticket-finding.entity';
import type { TicketEntity } from './entities/ticket.entity';
import { type TicketFilter, TicketRepository } from './ticket.repository';

export interface TicketWithFindings {
  ticket: TicketEntity;
  findings: TicketFindingEntity[];
}

/** Reads of tickets, scoped to the caller's organization. */
@Injectable()
export class TicketService {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly engagements: EngagementRepository,
  ) {}

  async get(scope: TenantScope, id: string): Promise<TicketWithFindings> {
    const ticket = await this.tickets.findForScope(scope, id);
    if (!ticket) {
      throw DomainError.notFound('ticket');
    }
    return { ticket, findings: await this.tickets.findingsOf(ticket.id) };
  }

  list(scope: TenantScope, filter: TicketFilter, page: PageRequest): Promise<Page<TicketEntity>> {
    return this.tickets.listForScope(scope, filter, page);
  }

  /** Every ticket of the engagement with its findings, oldest first: the export. */
  async ofEngagement(scope: TenantScope, engagementId: string): Promise<TicketWithFindings[]> {
    const engagement = await this.engagements.findForScope(scope, engagementId);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    const tickets = await this.tickets.allOfEngagement(engagement.id);
    return Promise.all(
      tickets.map(async (ticket) => ({ ticket, findings: await this.tickets.findingsOf(ticket.id) })),
    );
  }
}
