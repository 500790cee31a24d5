import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { TriageStatus } from '../findings/finding-status';
import { checkExpiry } from './acceptance-expiry';

/** What a consultant may set; `fixed` is for runs to conclude, never for a person to claim. */
export type TriageChoice = TriageStatus.Open | TriageStatus.Accepted | TriageStatus.FalsePositive;
export const TRIAGE_CHOICES: readonly TriageChoice[] = [
  TriageStatus.Open,
  TriageStatus.Accepted,
  TriageStatus.FalsePositive,
];

export interface TriageRequest {
  status: TriageChoice;
  /** Absent or null alike. */
  justification?: string | null;
  /** An RFC 3339 timestamp, absent or null alike. */
  expiresAt?: string | null;
}

/** A checked request: exactly the fields its status carries. */
export type TriageChange =
  | { status: TriageStatus.Open; justification: null; expiresAt: null }
  | { status: TriageStatus.Accepted; justification: string; expiresAt: Date }
  | { status: TriageStatus.FalsePositive; justification: string; expiresAt: null };

function requireJustification(request: TriageRequest): string {
  if (request.justification === undefined || request.justification === null) {
    throw new DomainError(
      ErrorCode.JustificationRequired,
      `a finding marked ${request.status} needs a justification`,
    );
  }
  return request.justification;
}

/**
 * The rules of a triage decision: an accepted risk is justified and lapses at a set date, a false positive is
 * justified and does not lapse, reopening takes neither.
 */
export function triageChange(request: TriageRequest, now: Date): TriageChange {
  const expiresAt = request.expiresAt ?? undefined;
  switch (request.status) {
    case TriageStatus.Open:
      if ((request.justification ?? undefined) !== undefined || expiresAt !== undefined) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          'reopening a finding takes no justification or expiresAt',
        );
      }
      return { status: TriageStatus.Open, justification: null, expiresAt: null };
    case TriageStatus.Accepted: {
      const justification = requireJustification(request);
      if (expiresAt === undefined) {
        throw new DomainError(ErrorCode.ExpiryRequired, 'an accepted risk needs expiresAt');
      }
      const expiry = new Date(expiresAt);
      checkExpiry(expiry, now);
      return { status: TriageStatus.Accepted, justification, expiresAt: expiry };
    }
    case TriageStatus.FalsePositive:
      if (expiresAt !== undefined) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          'a false positive does not expire: leave out expiresAt',
        );
      }
      return {
        status: TriageStatus.FalsePositive,
        justification: requireJustification(request),
        expiresAt: null,
      };
  }
}
