import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { Severity } from '../../engine/model';
import { decodeCursor, encodeCursor } from './finding-cursor';
import { FindingSort } from './finding-sort';

const invalidCursor = (message: RegExp) =>
  expect.objectContaining({
    code: ErrorCode.InvalidCursor,
    message: expect.stringMatching(message) as string,
  }) as DomainError;

describe('finding cursor', () => {
  it('round-trips a seq through an opaque string', () => {
    const cursor = encodeCursor({ sort: FindingSort.Inserted, seq: '9007199254740993' });
    expect(cursor).not.toContain('9007199254740993');
    expect(decodeCursor(cursor, FindingSort.Inserted)).toEqual({
      sort: FindingSort.Inserted,
      seq: '9007199254740993',
    });
  });

  it('round-trips a severity and a seq for the severity sort', () => {
    const position = { sort: FindingSort.Severity, severity: Severity.Medium, seq: '42' } as const;
    expect(decodeCursor(encodeCursor(position), FindingSort.Severity)).toEqual(position);
  });

  it('refuses a cursor of the other sort, saying which sort it belongs to', () => {
    const inserted = encodeCursor({ sort: FindingSort.Inserted, seq: '7' });
    const bySeverity = encodeCursor({ sort: FindingSort.Severity, severity: Severity.High, seq: '7' });
    expect(() => decodeCursor(inserted, FindingSort.Severity)).toThrow(invalidCursor(/sort=inserted/));
    expect(() => decodeCursor(bySeverity, FindingSort.Inserted)).toThrow(invalidCursor(/sort=severity/));
  });

  it.each([
    '',
    '42',
    Buffer.from('f1:-1').toString('base64url'),
    Buffer.from('f1:1 OR 1=1').toString('base64url'),
    Buffer.from('f1:severity:severe:1').toString('base64url'),
    Buffer.from('f1:severity:high:').toString('base64url'),
  ])('rejects %p with INVALID_CURSOR', (cursor) => {
    for (const sort of Object.values(FindingSort)) {
      expect(() => decodeCursor(cursor, sort)).toThrow(invalidCursor(/not one this API returned/));
    }
  });
});
