import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { withTimeout } from '../../../common/async/with-timeout';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { enqueueJob, ENQUEUE_TIMEOUT_MS } from '../../../common/queue/enqueue';
import { JobName, QueueName, type TicketSyncPayload } from '../../../common/queue/queues';

/**
 * Puts Jira work on the ticket-sync queue: pushes, and the verification that follows an assessment. A push may be asked for again while one waits: each gets a job of
 * its own (a later one carries a later revision), and the ticket's lease serializes them; a push with nothing
 * new to write does not call Jira.
 */
@Injectable()
export class TicketSyncQueue {
  constructor(@InjectQueue(QueueName.TicketSync) private readonly queue: Queue<TicketSyncPayload>) {}

  async push(ticketIds: readonly string[]): Promise<void> {
    const jobs = ticketIds.map((ticketId) => ({ name: JobName.PushTicket, data: { ticketId } }));
    try {
      await withTimeout((this.queue as Queue).addBulk(jobs), ENQUEUE_TIMEOUT_MS, 'redis');
    } catch {
      throw new DomainError(
        ErrorCode.QueueUnavailable,
        'the ticket-sync queue is unavailable; try again later',
      );
    }
  }

  /** After an assessment succeeded: confirm or reopen its cluster's tickets (one job per assessment). */
  verifyAfter(assessmentId: string): Promise<void> {
    return enqueueJob(
      this.queue,
      JobName.VerifyTickets,
      { assessmentId },
      `verify-${assessmentId}`,
      'ticket-sync',
    );
  }
}
