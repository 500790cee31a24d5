import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TicketEntity, TicketSyncStatus } from '../../tickets/entities/ticket.entity';

/** A lease outlives any push (its retries inside the client take well under a minute). */
const LEASE_SECONDS = 300;

/** The Jira side of a ticket's row: its sync status, last error, and the lease on writes to its issue. */
@Injectable()
export class TicketSyncStateRepository {
  constructor(@InjectRepository(TicketEntity) private readonly tickets: Repository<TicketEntity>) {}

  /** Takes the ticket's issue lease; false while another worker holds it. */
  async lease(ticketId: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.tickets.query(
      `UPDATE tickets SET jira_lease_until = now() + make_interval(secs => $2)
        WHERE id = $1 AND (jira_lease_until IS NULL OR jira_lease_until < now()) RETURNING id`,
      [ticketId, LEASE_SECONDS],
    );
    return rows.length > 0;
  }

  async release(ticketId: string): Promise<void> {
    await this.tickets.update({ id: ticketId }, { jiraLeaseUntil: null });
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

  async synced(ticketId: string): Promise<void> {
    await this.tickets.update({ id: ticketId }, { syncStatus: TicketSyncStatus.Synced, syncError: null });
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
