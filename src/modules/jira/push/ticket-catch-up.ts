import { Injectable, Logger } from '@nestjs/common';
import { TicketStatus } from '../../tickets/entities/ticket.entity';
import { TicketRepository } from '../../tickets/ticket.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { TicketJiraLinkRepository } from './ticket-jira-link.repository';
import { TicketSyncQueue } from './ticket-sync-queue';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

/** Pushes still owed that are re-queued per round: the oldest first, a bounded batch. */
const REQUEUE_BATCH = 500;
/** Issues in Done read back per organization and round (one page of Jira's search). */
const DONE_PAGE = 100;

/**
 * The periodic round of the ticket sync: pushes that are still owed (Jira was unreachable past the job's
 * retries) go back on the queue, and issues moved to Done whose webhook never arrived are read back from Jira.
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
  ) {}

  async run(): Promise<void> {
    const owed = await this.state.stillQueued(REQUEUE_BATCH);
    if (owed.length > 0) {
      await this.queue.push(owed);
    }
    for (const settings of await this.settings.all()) {
      try {
        const client = this.connections.client(settings);
        const done = await client.search(
          `project = "${settings.projectKey}" AND labels = "kubeassay" AND statusCategory = Done`,
          ['status'],
          { maxResults: DONE_PAGE },
        );
        for (const issue of done.issues ?? []) {
          const link = issue.id ? await this.links.findByIssue(issue.id) : null;
          if (link?.organizationId === settings.organizationId) {
            await this.tickets.moveStatus(
              link.ticketId,
              TicketStatus.Open,
              TicketStatus.ResolvedPendingVerification,
            );
          }
        }
      } catch (error) {
        this.logger.warn(`catching up with Jira of ${settings.organizationId}: ${(error as Error).message}`);
      }
    }
  }
}
