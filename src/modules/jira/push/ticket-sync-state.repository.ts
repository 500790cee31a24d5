import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TicketEntity, TicketSyncStatus } from '../../tickets/entities/ticket.entity';
import { LEASE_SECONDS, LeaseLost, newLease, type TicketLease } from './ticket-lease';

/** The Jira side of a ticket's row: its sync status, last error, and the lease on writes to its issue. */
@Injectable()
export class TicketSyncStateRepository {
  constructor(@InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>) {}

  /** Takes the ticket's issue lease; null while another worker holds it. */
  async lease(ticketId: string): Promise<TicketLease | null> {
    const lease = newLease(ticketId);
    const [rows]: [unknown[], number] = await this.tickets.query(
      `UPDATE tickets SET jira_lease_until = now() + make_interval(secs => $3), jira_lease_owner = $2
        WHERE id = $1 AND (jira_lease_until IS NULL OR jira_lease_until < now()) RETURNING id`,
      [ticketId, lease.owner, LEASE_SECONDS],
    );
    return rows.length > 0 ? lease : null;
  }

  /** Throws LeaseLost unless the lease is still this holder's and has not run out. */
  async confirm(lease: TicketLease): Promise<void> {
    const rows: unknown[] = await this.tickets.query(
      `SELECT id FROM tickets WHERE id = $1 AND jira_lease_owner = $2 AND jira_lease_until > now()`,
      [lease.ticketId, lease.owner],
    );
    if (rows.length === 0) {
      throw new LeaseLost(lease.ticketId);
    }
  }

  /** Releases the lease if it is still this holder's (a lease that ran out may be another's by now). */
  async release(lease: TicketLease): Promise<void> {
    await this.tickets.query(
      `UPDATE tickets SET jira_lease_until = NULL, jira_lease_owner = NULL WHERE id = $1 AND jira_lease_owner = $2`,
      [lease.ticketId, lease.owner],
    );
  }

  /** Records that a create is about to be sent (see TicketEntity.jiraCreateAttemptedAt). */
  async createAttempted(ticketId: string): Promise<void> {
    await this.tickets.query(`UPDATE tickets SET jira_create_attempted_at = now() WHERE id = $1`, [ticketId]);
  }

  /** Whether a create was sent for the ticket within the last `seconds`. */
  async createAttemptedWithin(ticketId: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await this.tickets.query(
      `SELECT 1 FROM tickets WHERE id = $1 AND jira_create_attempted_at > now() - make_interval(secs => $2)`,
      [ticketId, seconds],
    );
    return rows.length > 0;
  }

  async queued(ticketIds: readonly string[]): Promise<void> {
    if (ticketIds.length > 0) {
      await this.tickets
        .createQueryBuilder()
        .update()
        .set({ syncStatus: TicketSyncStatus.Queued, syncError: null })
        .whereInIds([...ticketIds])
        .execute();
    }
  }

  /**
   * The ticket is synced at `revision`; false when a rebuild has revised it since (it stays owed a push).
   */
  async synced(ticketId: string, jiraIssueKey: string, revision: number): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.tickets.query(
      `UPDATE tickets SET sync_status = $4, sync_error = NULL, jira_issue_key = $2, updated_at = now()
        WHERE id = $1 AND revision = $3 RETURNING id`,
      [ticketId, jiraIssueKey, revision, TicketSyncStatus.Synced],
    );
    return rows.length > 0;
  }

  /** Records a problem on the ticket without changing its sync status (a verdict Jira did not take). */
  async note(ticketId: string, error: string): Promise<void> {
    await this.tickets.query(`UPDATE tickets SET sync_error = $2 WHERE id = $1`, [ticketId, error]);
  }

  /** A retryable failure: still queued, with the reason visible until a push goes through. */
  async retrying(ticketId: string, error: string): Promise<void> {
    await this.tickets.update({ id: ticketId }, { syncStatus: TicketSyncStatus.Queued, syncError: error });
  }

  async failed(ticketId: string, error: string): Promise<void> {
    await this.tickets.update({ id: ticketId }, { syncStatus: TicketSyncStatus.Failed, syncError: error });
  }

  /** Tickets whose push is still owed (queued): the periodic catch-up enqueues them again. */
  async stillQueued(limit: number): Promise<string[]> {
    const rows = await this.tickets.find({
      select: { id: true },
      where: { syncStatus: TicketSyncStatus.Queued },
      order: { updatedAt: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }
}
