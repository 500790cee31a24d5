import { Injectable } from '@nestjs/common';
import { CheckCatalog } from '../../checks/check-catalog';
import { TicketRepository } from '../../tickets/ticket.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { issueFields, ticketLabel } from './issue-fields';
import { TicketJiraLinkRepository } from './ticket-jira-link.repository';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

export enum PushOutcome {
  /** The issue shows the ticket's current revision (created, found or updated; or already up to date). */
  Pushed = 'pushed',
  /** Another worker is writing to the issue: try again shortly. */
  Busy = 'busy',
  /** Nothing to push to: the ticket is gone, or its organization has no Jira settings (marked failed). */
  Skipped = 'skipped',
}

/**
 * Creates or updates a ticket's Jira issue, idempotently: the link table says which issue is the ticket's, and
 * before any create a JQL search for the ticket's label finds an issue a lost create response left behind.
 * Writes to one issue are serialized by a lease on the ticket.
 */
@Injectable()
export class TicketPusher {
  constructor(
    private readonly tickets: TicketRepository,
    private readonly state: TicketSyncStateRepository,
    private readonly links: TicketJiraLinkRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    private readonly catalog: CheckCatalog,
  ) {}

  async push(ticketId: string): Promise<PushOutcome> {
    if (!(await this.state.lease(ticketId))) {
      return PushOutcome.Busy;
    }
    try {
      return await this.pushLeased(ticketId);
    } finally {
      await this.state.release(ticketId);
    }
  }

  private async pushLeased(ticketId: string): Promise<PushOutcome> {
    const ticket = await this.tickets.findById(ticketId);
    if (!ticket) {
      return PushOutcome.Skipped;
    }
    const settings = await this.settings.find(ticket.organizationId);
    if (!settings) {
      await this.state.failed(ticketId, "Jira is not configured for the ticket's organization");
      return PushOutcome.Skipped;
    }
    const client = this.connections.client(settings);
    const fields = issueFields(
      ticket,
      this.catalog.meta(ticket.check),
      await this.tickets.findingsOf(ticketId),
      settings,
    );
    let link = await this.links.find(ticketId);
    if (!link) {
      const [found] = await client.searchByLabel(ticketLabel(ticketId), ['summary']);
      const issue =
        found?.id && found.key ? { id: found.id, key: found.key } : await client.createIssue(fields.create);
      link = await this.links.insert({
        ticketId,
        organizationId: ticket.organizationId,
        issueId: issue.id!,
        issueKey: issue.key!,
        // An issue found by its label may show an older revision: update it below.
        pushedRevision: found ? 0 : ticket.revision,
      });
    }
    if (link.pushedRevision < ticket.revision) {
      await client.editIssue(link.issueKey, fields.edit);
      await this.links.markPushed(ticketId, ticket.revision);
    }
    await this.state.synced(ticketId);
    return PushOutcome.Pushed;
  }
}
