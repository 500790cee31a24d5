import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';

const PATTERN = /^f1:(\d{1,19})$/;

/** The page cursor: opaque to clients (base64url), a finding's `seq` inside, versioned in case paging changes. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`f1:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const match = PATTERN.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new DomainError(ErrorCode.InvalidCursor, 'the cursor is not one this API returned');
  }
  return match[1]!;
}
