import type { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { TriageStatus } from '../findings/finding-status';
import { latestExpiry } from './acceptance-expiry';
import { triageChange } from './triage-change';

const NOW = new Date('2028-02-29T12:00:00.000Z');
const failsWith = (code: ErrorCode) => expect.objectContaining({ code }) as DomainError;

describe('triage rules', () => {
  const accept = (expiresAt: string) =>
    triageChange({ status: TriageStatus.Accepted, justification: 'ok', expiresAt }, NOW);

  it('accepts up to two calendar years ahead, to the millisecond', () => {
    expect(latestExpiry(NOW).toISOString()).toBe('2030-03-01T12:00:00.000Z');
    expect(accept('2030-03-01T12:00:00.000Z').expiresAt).toEqual(new Date('2030-03-01T12:00:00.000Z'));
    expect(() => accept('2030-03-01T12:00:00.001Z')).toThrow(failsWith(ErrorCode.ExpiryTooFar));
  });

  it('refuses an expiry that is not strictly in the future', () => {
    expect(() => accept(NOW.toISOString())).toThrow(failsWith(ErrorCode.ExpiryNotInFuture));
    expect(accept('2028-02-29T12:00:00.001Z').status).toBe(TriageStatus.Accepted);
  });

  it('reads an offset as the instant it names', () => {
    expect(accept('2028-03-01T00:30:00+02:00').expiresAt).toEqual(new Date('2028-02-29T22:30:00.000Z'));
  });

  it('treats null like an absent field', () => {
    expect(triageChange({ status: TriageStatus.Open, justification: null, expiresAt: null }, NOW)).toEqual({
      status: TriageStatus.Open,
      justification: null,
      expiresAt: null,
    });
    expect(() =>
      triageChange({ status: TriageStatus.FalsePositive, justification: null, expiresAt: null }, NOW),
    ).toThrow(failsWith(ErrorCode.JustificationRequired));
  });
});
