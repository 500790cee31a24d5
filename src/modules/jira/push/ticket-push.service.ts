import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { TenantScope } from '../../auth/caller';
import { TicketStatus } from '../../tickets/entities/ticket.entity';
import { TicketService } from '../../tickets/ticket.service';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { TicketSyncQueue } from './ticket-sync-queue';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

@Injectable()
export class TicketPushService {
  constructor(
    private readonly tickets: TicketService,
    private readonly settings: JiraSettingsRepository,
    private readonly state: TicketSyncStateRepository,
    private readonly queue: TicketSyncQueue,
  ) {}

  async pushTicket(scope: TenantScope, ticketId: string): Promise<{ queued: string[] }> {
    const { ticket } = await this.tickets.get(scope, ticketId);
    return this.queuePushes(ticket.organizationId, [ticket.id]);
  }

  async pushEngagement(scope: TenantScope, engagementId: string): Promise<{ queued: string[] }> {
    const tickets = await this.tickets.ofEngagement(scope, engagementId);
    const pending = tickets.filter(({ ticket }) => ticket.status !== TicketStatus.Verified);
    return this.queuePushes(
      pending[0]?.ticket.organizationId,
      pending.map(({ ticket }) => ticket.id),
    );
  }

  private async queuePushes(
    organizationId: string | undefined,
    ticketIds: string[],
  ): Promise<{ queued: string[] }> {
    if (organizationId === undefined || ticketIds.length === 0) {
      return { queued: [] };
    }
    if (!(await this.settings.find(organizationId))) {
      throw new DomainError(ErrorCode.JiraNotConfigured, 'the organization has no Jira settings to push to');
    }
    await this.state.queued(ticketIds);
    await this.queue.push(ticketIds);
    return { queued: ticketIds };
  }
}
