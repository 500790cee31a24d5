import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

/**
 * How far ahead an accepted risk or an exception may expire: room for a yearly review with slack, short enough
 * that no waiver outlives the people who granted it unnoticed.
 */
export const MAX_ACCEPTANCE_YEARS = 2;

/** The latest expiry allowed for an acceptance decided at `now` (calendar years, UTC). */
export function latestExpiry(now: Date): Date {
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_ACCEPTANCE_YEARS);
  return latest;
}

/** An acceptance must lapse in the future, and within MAX_ACCEPTANCE_YEARS. */
export function checkExpiry(expiresAt: Date, now: Date): void {
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(ErrorCode.ExpiryNotInFuture, 'expiresAt must be in the future');
  }
  const latest = latestExpiry(now);
  if (expiresAt.getTime() > latest.getTime()) {
    throw new DomainError(
      ErrorCode.ExpiryTooFar,
      `expiresAt must be at most ${MAX_ACCEPTANCE_YEARS} years ahead (${latest.toISOString()})`,
      { latest: latest.toISOString() },
    );
  }
}
