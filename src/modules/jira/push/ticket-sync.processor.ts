import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import {
  JobName,
  type PushTicketPayload,
  QueueName,
  type TicketSyncPayload,
  type VerifyTicketsPayload,
} from '../../../common/queue/queues';
import { JiraRequestError } from '../client/jira-request-error';
import { IssueBusy, TicketVerifier } from '../verify/ticket-verifier';
import { TicketCatchUp } from './ticket-catch-up';
import { LeaseLost } from './ticket-lease';
import { PushOutcome, TicketPusher } from './ticket-pusher';
import { TicketSyncStateRepository } from './ticket-sync-state.repository';

/** How long a push waits for another write to the same issue before it looks again. */
const BUSY_RETRY_MS = 250;
/** How long a verification waits for a ticket's issue another worker is writing to. */
const VERIFY_BUSY_RETRY_MS = 5_000;
/** How long a push waits for Jira's search to show an issue whose create answer was lost. */
const SEARCH_RECHECK_MS = 15_000;

/** What a ticket's readers are told about a failure: Jira's own (redacted) message, nothing internal. */
function publicReason(error: unknown): string {
  if (error instanceof JiraRequestError || error instanceof LeaseLost) {
    return error.message;
  }
  return 'the push failed inside Kubeassay; it is retried';
}

/**
 * Pushes run ten at a time: Jira answers in ~100 ms and most of a push is waiting for it, while the lease keeps
 * writes to one issue in sequence.
 */
@Processor(QueueName.TicketSync, { concurrency: 10 })
export class TicketSyncProcessor extends WorkerHost {
  private readonly logger = new Logger(TicketSyncProcessor.name);

  constructor(
    private readonly pusher: TicketPusher,
    private readonly state: TicketSyncStateRepository,
    private readonly verifier: TicketVerifier,
    private readonly catchUp: TicketCatchUp,
  ) {
    super();
  }

  async process(job: Job<TicketSyncPayload>, token?: string): Promise<void> {
    switch (job.name as JobName) {
      case JobName.PushTicket:
        return this.push(job as Job<PushTicketPayload>, token);
      case JobName.VerifyTickets:
        return this.verify(job as Job<VerifyTicketsPayload>, token);
      case JobName.CatchUpTickets:
        return this.catchUp.run(new Date());
      default:
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /** A ticket whose issue is busy is waited for (not an attempt): a push may hold it for minutes. */
  private async verify(job: Job<VerifyTicketsPayload>, token?: string): Promise<void> {
    try {
      await this.verifier.verifyAfter(job.data.assessmentId);
    } catch (error) {
      if (!(error instanceof IssueBusy)) {
        throw error;
      }
      await job.moveToDelayed(Date.now() + VERIFY_BUSY_RETRY_MS, token);
      throw new DelayedError();
    }
  }

  private async push(job: Job<PushTicketPayload>, token?: string): Promise<void> {
    const { ticketId } = job.data;
    let outcome: PushOutcome;
    try {
      outcome = await this.pusher.push(ticketId);
    } catch (error) {
      return this.pushFailed(job, error, token);
    }
    if (outcome === PushOutcome.Busy || outcome === PushOutcome.AwaitingSearch) {
      await job.moveToDelayed(
        Date.now() + (outcome === PushOutcome.Busy ? BUSY_RETRY_MS : SEARCH_RECHECK_MS),
        token,
      );
      throw new DelayedError();
    }
  }

  /**
   * Jira refused the issue (validation): the ticket is failed with Jira's message, no retry. Anything else
   * (429 beyond the client's patience, 5xx, Jira unreachable) leaves it queued with the error visible, retried
   * with backoff and later by the periodic catch-up.
   */
  private async pushFailed(job: Job<PushTicketPayload>, error: unknown, token?: string): Promise<never> {
    const { ticketId } = job.data;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof JiraRequestError && !error.retryable) {
      await this.state.failed(ticketId, message);
      throw new UnrecoverableError(message);
    }
    await this.state.retrying(ticketId, publicReason(error));
    this.logger.warn(`ticket ${ticketId} push attempt ${job.attemptsMade + 1} failed: ${message}`);
    if (error instanceof JiraRequestError && error.retryAfterMs !== undefined) {
      await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
      throw new DelayedError();
    }
    throw error;
  }
}
