import { Injectable, Logger } from '@nestjs/common';
import { isUniqueViolation } from '../../../common/database/unique-violation';
import { CheckCatalog } from '../../checks/check-catalog';
import type { TicketEntity } from '../../tickets/entities/ticket.entity';
import { TicketRepository } from '../../tickets/ticket.repository';
import type { JiraClient } from '../client/jira-client';
import { JiraRequestError } from '../client/jira-request-error';
import { JiraConnections } from '../settings/jira-connections';
import type { JiraSettingsEntity } from '../settings/jira-settings.entity';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { issueFields, ticketLabel } from './issue-fields';
import type { TicketJiraLinkEntity } from './ticket-jira-link.entity';
import { siteOf, TicketJiraLinkRepository } from './ticket-jira-link.repository';
import type { TicketLease } from './ticket-lease';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

/** How long after a create whose answer was lost Jira's search is given to show the issue it made. */
const SEARCH_SETTLE_SECONDS = 60;

/**
 * The linked issue answers 404: deleted, or the account may no longer see it. Jira does not say which, so the
 * ticket fails with the reason instead of creating a second issue that may duplicate a hidden one.
 */
function gone(issueKey: string): JiraRequestError {
  return new JiraRequestError(
    `the linked issue ${issueKey} is gone or no longer visible to the account; check it, then push again`,
    { status: 404 },
  );
}

export enum PushOutcome {
  /** The issue shows the ticket's current revision (created, found or updated; or already up to date). */
  Pushed = 'pushed',
  /** Another worker is writing to the issue: try again shortly. */
  Busy = 'busy',
  /** A create was sent recently and its issue is not searchable yet: look again before creating. */
  AwaitingSearch = 'awaiting_search',
  /** Nothing to push to: the ticket is gone, or its organization has no Jira settings (marked failed). */
  Skipped = 'skipped',
}

/**
 * Creates or updates a ticket's Jira issue, idempotently: the link table says which issue is the ticket's, and
 * before any create a JQL search for the ticket's label finds an issue a lost create answer left behind (a
 * create sent within the last minute is waited for, as Jira's search lags behind its writes). Writes to one
 * issue are serialized by a lease on the ticket; every call made under it ends before the lease does.
 */
@Injectable()
export class TicketPusher {
  private readonly logger = new Logger(TicketPusher.name);

  constructor(
    private readonly tickets: TicketRepository,
    private readonly state: TicketSyncStateRepository,
    private readonly links: TicketJiraLinkRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    private readonly catalog: CheckCatalog,
  ) {}

  async push(ticketId: string): Promise<PushOutcome> {
    const lease = await this.state.lease(ticketId);
    if (!lease) {
      return PushOutcome.Busy;
    }
    try {
      return await this.pushLeased(lease);
    } finally {
      await this.state.release(lease);
    }
  }

  private async pushLeased(lease: TicketLease): Promise<PushOutcome> {
    const ticket = await this.tickets.findById(lease.ticketId);
    if (!ticket) {
      return PushOutcome.Skipped;
    }
    const settings = await this.settings.find(ticket.organizationId);
    if (!settings) {
      await this.state.failed(ticket.id, "Jira is not configured for the ticket's organization");
      return PushOutcome.Skipped;
    }
    const client = this.connections.client(settings);
    const link =
      (await this.currentLink(ticket, settings)) ??
      (await this.findOrCreate(ticket, settings, client, lease));
    if (!link) {
      return PushOutcome.AwaitingSearch;
    }
    if (link.pushedRevision < ticket.revision) {
      const fields = await this.fieldsOf(ticket, settings);
      try {
        await client.editIssue(link.issueKey, fields.edit, lease.signal);
      } catch (error) {
        throw error instanceof JiraRequestError && error.status === 404 ? gone(link.issueKey) : error;
      }
      await this.links.markPushed(ticket.id, ticket.revision);
    }
    if (!(await this.state.synced(ticket.id, link.issueKey, ticket.revision))) {
      // Revised by a rebuild while this push ran: push the new revision under the same lease.
      return this.pushLeased(lease);
    }
    return PushOutcome.Pushed;
  }

  /** The ticket's link, unless it points into another Jira site or project than the settings now name. */
  private async currentLink(
    ticket: TicketEntity,
    settings: JiraSettingsEntity,
  ): Promise<TicketJiraLinkEntity | null> {
    const link = await this.links.find(ticket.id);
    if (link && link.site !== siteOf(settings)) {
      // The issue lives where the settings no longer point: editing "SEC-12" on the new site would overwrite
      // an unrelated issue. The ticket is pushed anew there.
      await this.links.delete(ticket.id);
      return null;
    }
    return link;
  }

  /** Links the issue a search finds by the ticket's label, else creates one; null while a lost create settles. */
  private async findOrCreate(
    ticket: TicketEntity,
    settings: JiraSettingsEntity,
    client: JiraClient,
    lease: TicketLease,
  ): Promise<TicketJiraLinkEntity | null> {
    const [found] = await client.searchByLabel(
      settings.projectKey,
      ticketLabel(ticket.id),
      ['summary'],
      lease.signal,
    );
    if (found?.id && found.key) {
      // It may show an older revision: pushedRevision 0 has it updated.
      return this.link(ticket, settings, { id: found.id, key: found.key }, 0);
    }
    if (await this.state.createAttemptedWithin(ticket.id, SEARCH_SETTLE_SECONDS)) {
      return null;
    }
    const fields = await this.fieldsOf(ticket, settings);
    await this.state.confirm(lease);
    await this.state.createAttempted(ticket.id);
    const created = await client.createIssue(fields.create, lease.signal);
    if (!created.id || !created.key) {
      throw new Error('Jira answered the create without the issue id and key');
    }
    return this.link(ticket, settings, { id: created.id, key: created.key }, ticket.revision);
  }

  private async link(
    ticket: TicketEntity,
    settings: JiraSettingsEntity,
    issue: { id: string; key: string },
    pushedRevision: number,
  ): Promise<TicketJiraLinkEntity> {
    try {
      return await this.links.insert({
        ticketId: ticket.id,
        organizationId: ticket.organizationId,
        site: siteOf(settings),
        issueId: issue.id,
        issueKey: issue.key,
        pushedRevision,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      // Another holder linked the ticket first (its lease ran out under it): keep that link, report this one.
      const existing = await this.links.find(ticket.id);
      if (!existing) {
        throw error;
      }
      this.logger.error(`ticket ${ticket.id}: issue ${issue.key} duplicates the linked ${existing.issueKey}`);
      return existing;
    }
  }

  private async fieldsOf(ticket: TicketEntity, settings: JiraSettingsEntity) {
    return issueFields(
      ticket,
      this.catalog.meta(ticket.check),
      await this.tickets.findingsOf(ticket.id),
      settings,
    );
  }
}
