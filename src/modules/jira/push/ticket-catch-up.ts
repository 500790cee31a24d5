import { Injectable, Logger } from '@nestjs/common';
import { TicketRepository } from '../../tickets/ticket.repository';
import type { JiraClient } from '../client/jira-client';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import {
  DELIVERY_RECORD_MS,
  JiraWebhookDeliveryRepository,
} from '../webhook/jira-webhook-delivery.repository';
import type { TicketJiraLinkEntity } from './ticket-jira-link.entity';
import { TicketJiraLinkRepository } from './ticket-jira-link.repository';
import { TicketSyncQueue } from './ticket-sync-queue';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

/** Pushes still owed that are re-queued per round: the oldest first, a bounded batch. */
const REQUEUE_BATCH = 500;
/** Issue keys per JQL search (`key in (…)`), well within Jira's query length. */
const KEYS_PER_SEARCH = 50;
/** Jira's issue keys (`SEC-12`): nothing else is put into a query. */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/;

/**
 * The periodic round of the ticket sync: pushes that are still owed (Jira was unreachable past the job's
 * retries) go back on the queue, open tickets whose issues Jira shows in Done (their webhook never arrived)
 * wait for verification, and old webhook delivery records are forgotten.
 */
@Injectable()
export class TicketCatchUp {
  private readonly logger = new Logger(TicketCatchUp.name);

  constructor(
    private readonly state: TicketSyncStateRepository,
    private readonly queue: TicketSyncQueue,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    private readonly links: TicketJiraLinkRepository,
    private readonly tickets: TicketRepository,
    private readonly deliveries: JiraWebhookDeliveryRepository,
  ) {}

  async run(now: Date): Promise<void> {
    const owed = await this.state.stillQueued(REQUEUE_BATCH);
    if (owed.length > 0) {
      await this.queue.push(owed);
    }
    await this.deliveries.prune(new Date(now.getTime() - DELIVERY_RECORD_MS));
    for (const settings of await this.settings.all()) {
      try {
        const client = this.connections.client(settings);
        const open = (await this.links.openOnSite(settings)).filter((link) => ISSUE_KEY.test(link.issueKey));
        for (let start = 0; start < open.length; start += KEYS_PER_SEARCH) {
          await this.readBackDone(client, open.slice(start, start + KEYS_PER_SEARCH));
        }
      } catch (error) {
        this.logger.warn(`catching up with Jira of ${settings.organizationId}: ${(error as Error).message}`);
      }
    }
  }

  /** Moves the tickets whose issues Jira shows in Done to pending verification, dated when Jira said so. */
  private async readBackDone(client: JiraClient, links: readonly TicketJiraLinkEntity[]): Promise<void> {
    const byKey = new Map(links.map((link) => [link.issueKey, link]));
    const jql = `key in (${[...byKey.keys()].map((key) => `"${key}"`).join(', ')}) AND statusCategory = Done`;
    let page = await client.search(jql, ['status'], { maxResults: KEYS_PER_SEARCH });
    for (;;) {
      // Dated when the answer came: never before the move to Done, which an earlier assessment must not judge.
      const answeredAt = new Date();
      for (const issue of page.issues ?? []) {
        const link = issue.key ? byKey.get(issue.key) : undefined;
        if (link) {
          await this.tickets.resolve(link.ticketId, answeredAt);
        }
      }
      if (page.isLast !== false || !page.nextPageToken) {
        return;
      }
      page = await client.search(jql, ['status'], {
        maxResults: KEYS_PER_SEARCH,
        nextPageToken: page.nextPageToken,
      });
    }
  }
}
