import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { TenantScope } from '../../auth/caller';
import { TicketService } from '../../tickets/ticket.service';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { TicketSyncQueue } from './ticket-sync-queue';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

export interface PushRequest {
  organizationId: string;
  queued: string[];
}

@Injectable()
export class TicketPushService {
  constructor(
    private readonly tickets: TicketService,
    private readonly settings: JiraSettingsRepository,
    private readonly state: TicketSyncStateRepository,
    private readonly queue: TicketSyncQueue,
  ) {}

  async pushTicket(scope: TenantScope, ticketId: string): Promise<PushRequest> {
    const ticket = await this.tickets.ticket(scope, ticketId);
    return this.queuePushes(ticket.organizationId, [ticket.id]);
  }

  async pushEngagement(scope: TenantScope, engagementId: string): Promise<PushRequest> {
    const { organizationId, tickets } = await this.tickets.inProgress(scope, engagementId);
    return this.queuePushes(
      organizationId,
      tickets.map((ticket) => ticket.id),
    );
  }

  private async queuePushes(organizationId: string, ticketIds: string[]): Promise<PushRequest> {
    if (ticketIds.length === 0) {
      return { organizationId, queued: [] };
    }
    if (!(await this.settings.find(organizationId))) {
      throw new DomainError(ErrorCode.JiraNotConfigured, 'the organization has no Jira settings to push to');
    }
    await this.state.queued(ticketIds);
    await this.queue.push(ticketIds);
    return { organizationId, queued: ticketIds };
  }
}
