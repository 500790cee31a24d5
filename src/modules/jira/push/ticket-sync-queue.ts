import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueJob, queued } from '../../../common/queue/enqueue';
import { JobName, QueueName, type TicketSyncPayload } from '../../../common/queue/queues';

/** Puts Jira work on the ticket-sync queue: pushes, and the verification that follows an assessment. */
@Injectable()
export class TicketSyncQueue {
  constructor(@InjectQueue(QueueName.TicketSync) private readonly queue: Queue<TicketSyncPayload>) {}

  /**
   * One push job per ticket at a time: asking again while one waits changes nothing, and asking while one runs
   * leaves one more to run after it (it reads the ticket's revision then), never two at once.
   */
  async push(ticketIds: readonly string[]): Promise<void> {
    const jobs = ticketIds.map((ticketId) => ({
      name: JobName.PushTicket,
      data: { ticketId },
      opts: { deduplication: { id: `push-${ticketId}`, keepLastIfActive: true } },
    }));
    await queued((this.queue as Queue).addBulk(jobs), 'ticket-sync');
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
