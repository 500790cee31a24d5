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

  async ticket(scope: TenantScope, id: string): Promise<TicketEntity> {
    const ticket = await this.tickets.findForScope(scope, id);
    if (!ticket) {
      throw DomainError.notFound('ticket');
    }
    return ticket;
  }

  async get(scope: TenantScope, id: string): Promise<TicketWithFindings> {
    const ticket = await this.ticket(scope, id);
    return { ticket, findings: await this.tickets.findingsOf(ticket.id) };
  }

  /** The engagement's tickets not yet verified: what a push of the engagement sends. */
  async inProgress(
    scope: TenantScope,
    engagementId: string,
  ): Promise<{ organizationId: string; tickets: TicketEntity[] }> {
    const engagement = await this.engagement(scope, engagementId);
    return {
      organizationId: engagement.organizationId,
      tickets: await this.tickets.openOfEngagement(this.tickets.manager, engagement.id),
    };
  }

  list(scope: TenantScope, filter: TicketFilter, page: PageRequest): Promise<Page<TicketEntity>> {
    return this.tickets.listForScope(scope, filter, page);
  }

  /** Every ticket of the engagement with its findings, oldest first: the export. */
  async ofEngagement(scope: TenantScope, engagementId: string): Promise<TicketWithFindings[]> {
    const engagement = await this.engagement(scope, engagementId);
    const tickets = await this.tickets.allOfEngagement(engagement.id);
    const findings = await this.tickets.findingsOfEngagement(engagement.id);
    return tickets.map((ticket) => ({ ticket, findings: findings.get(ticket.id) ?? [] }));
  }

  private async engagement(scope: TenantScope, id: string) {
    const engagement = await this.engagements.findForScope(scope, id);
    if (!engagement) {
      throw DomainError.notFound('engagement');
    }
    return engagement;
  }
}
