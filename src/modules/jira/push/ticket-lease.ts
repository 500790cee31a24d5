import { randomUUID } from 'node:crypto';

/**
 * How long a worker may hold a ticket's issue. Every Jira call made under it is aborted before it ends (the
 * budget below), so a lease never runs out while its holder still writes.
 */
export const LEASE_SECONDS = 300;
const LEASE_MARGIN_MS = 30_000;

/** A held lease: its owner token, and the signal that aborts the holder's Jira calls before it lapses. */
export interface TicketLease {
  ticketId: string;
  owner: string;
  signal: AbortSignal;
}

export function newLease(ticketId: string): TicketLease {
  return {
    ticketId,
    owner: randomUUID(),
    signal: AbortSignal.timeout(LEASE_SECONDS * 1000 - LEASE_MARGIN_MS),
  };
}

/** The lease ran out or was taken over: stop writing, the job tries again. */
export class LeaseLost extends Error {
  constructor(ticketId: string) {
    super(`the lease on ticket ${ticketId} was lost`);
  }
}
