import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { Severity } from '../../engine/model';
import { FindingSort } from './finding-sort';

/** Where a page ended, in the terms of its sort: a finding's `seq`, and its severity under the severity sort. */
export type FindingCursor =
  | { sort: FindingSort.Inserted; seq: string }
  | { sort: FindingSort.Severity; severity: Severity; seq: string };

const SEQ = '(\\d{1,19})';
const SEVERITY = `(${Object.values(Severity).join('|')})`;
/** Versioned in case paging changes; `f1:<seq>` is also what cursors looked like before there were sorts. */
const PATTERNS: Record<FindingSort, RegExp> = {
  [FindingSort.Inserted]: new RegExp(`^f1:${SEQ}$`),
  [FindingSort.Severity]: new RegExp(`^f1:severity:${SEVERITY}:${SEQ}$`),
};

function invalid(message: string): DomainError {
  return new DomainError(ErrorCode.InvalidCursor, message);
}

/** The page cursor: opaque to clients (base64url), its sort's position inside. */
export function encodeCursor(cursor: FindingCursor): string {
  const text =
    cursor.sort === FindingSort.Inserted
      ? `f1:${cursor.seq}`
      : `f1:severity:${cursor.severity}:${cursor.seq}`;
  return Buffer.from(text).toString('base64url');
}

/** The position a cursor names, for the sort it is used with; a cursor another sort returned is refused. */
export function decodeCursor(cursor: string, sort: FindingSort): FindingCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = PATTERNS[sort].exec(text);
  if (match) {
    return sort === FindingSort.Inserted
      ? { sort, seq: match[1]! }
      : { sort, severity: match[1] as Severity, seq: match[2]! };
  }
  const other = Object.values(FindingSort).find((each) => PATTERNS[each].test(text));
  throw other === undefined
    ? invalid('the cursor is not one this API returned')
    : invalid(`the cursor belongs to sort=${other}, not sort=${sort}`);
}
