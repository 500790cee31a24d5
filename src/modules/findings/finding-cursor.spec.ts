import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { decodeCursor, encodeCursor } from './finding-cursor';

describe('finding cursor', () => {
  it('round-trips a seq through an opaque string', () => {
    const cursor = encodeCursor('9007199254740993');
    expect(cursor).not.toContain('9007199254740993');
    expect(decodeCursor(cursor)).toBe('9007199254740993');
  });

  it.each([
    '',
    '42',
    Buffer.from('f1:-1').toString('base64url'),
    Buffer.from('f1:1 OR 1=1').toString('base64url'),
  ])('rejects %p with INVALID_CURSOR', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidCursor }) as DomainError,
    );
  });
});
