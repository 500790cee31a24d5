import type { IssueStore, StoredIssue } from './issue-store';
import type { JiraSite, NamedItem } from './site';
import { STATUS_CATEGORIES, STATUSES } from './workflow';

/**
 * The subset of JQL the fake understands: clauses on project, key, labels, status, statusCategory,
 * issuetype, priority, resolution, summary/text (`~`), created/updated/duedate (dates and `-5d` periods),
 * joined by AND, OR, NOT and parentheses, then ORDER BY. Anything else is refused with a 400, so no
 * test passes because the fake ignored part of a query.
 */
export class JqlError extends Error {}

export interface CompiledQuery {
  matches(issue: StoredIssue): boolean;
  compare(left: StoredIssue, right: StoredIssue): number;
}

type Token =
  | { kind: 'word'; text: string; quoted: boolean }
  | { kind: 'operator'; text: string }
  | { kind: 'open' | 'close' | 'comma' };

type Operator = '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

interface Clause {
  field: string;
  operator: Operator;
  values: string[];
}

type Expression =
  | { type: 'and' | 'or'; parts: Expression[] }
  | { type: 'not'; operand: Expression }
  | { type: 'clause'; clause: Clause };

type Predicate = (issue: StoredIssue) => boolean;

const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'];
const WORD_END = /[\s(),=!~<>"']/;

export function compileJql(jql: string, site: JiraSite, store: IssueStore, now: Date): CompiledQuery {
  const parser = new Parser(tokenize(jql));
  const { where, orderBy } = parser.query();
  if (!where) {
    throw new JqlError(
      'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
    );
  }
  const predicate = compileExpression(where, { site, store, now });
  return { matches: predicate, compare: comparator(orderBy) };
}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < jql.length) {
    const char = jql[index] as string;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma' });
      index += 1;
    } else if (char === '"' || char === "'") {
      const [text, end] = quoted(jql, index);
      tokens.push({ kind: 'word', text, quoted: true });
      index = end;
    } else {
      const operator = OPERATORS.find((candidate) => jql.startsWith(candidate, index));
      if (operator) {
        tokens.push({ kind: 'operator', text: operator });
        index += operator.length;
        continue;
      }
      let end = index;
      while (end < jql.length && !WORD_END.test(jql[end] as string)) {
        end += 1;
      }
      if (end === index) {
        throw new JqlError(`Error in the JQL Query: The character '${char}' is a reserved JQL character.`);
      }
      tokens.push({ kind: 'word', text: jql.slice(index, end), quoted: false });
      index = end;
    }
  }
  return tokens;
}

function quoted(jql: string, start: number): [string, number] {
  const quote = jql[start];
  let text = '';
  for (let index = start + 1; index < jql.length; index += 1) {
    const char = jql[index] as string;
    if (char === '\\') {
      text += jql[index + 1] ?? '';
      index += 1;
    } else if (char === quote) {
      return [text, index + 1];
    } else {
      text += char;
    }
  }
  throw new JqlError('Error in the JQL Query: The quoted string has not been completed.');
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  query(): { where: Expression | undefined; orderBy: [string, 'asc' | 'desc'][] } {
    const where = this.atKeyword('order') || this.done() ? undefined : this.or();
    const orderBy = this.atKeyword('order') ? this.orderBy() : [];
    if (!this.done()) {
      throw this.unexpected('end of the query');
    }
    return { where, orderBy };
  }

  private or(): Expression {
    const parts = [this.and()];
    while (this.takeKeyword('or')) {
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Expression) : { type: 'or', parts };
  }

  private and(): Expression {
    const parts = [this.unary()];
    while (this.takeKeyword('and')) {
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Expression) : { type: 'and', parts };
  }

  private unary(): Expression {
    if (this.takeKeyword('not')) {
      return { type: 'not', operand: this.unary() };
    }
    if (this.peek()?.kind === 'open') {
      this.position += 1;
      const inner = this.or();
      this.expect('close');
      return inner;
    }
    return { type: 'clause', clause: this.clause() };
  }

  private clause(): Clause {
    const field = this.word('a field name').toLowerCase();
    if (this.takeKeyword('in')) {
      return { field, operator: 'in', values: this.list() };
    }
    if (this.takeKeyword('not')) {
      if (!this.takeKeyword('in')) {
        throw this.unexpected("'in'");
      }
      return { field, operator: 'not in', values: this.list() };
    }
    if (this.takeKeyword('is')) {
      const operator = this.takeKeyword('not') ? 'is not' : 'is';
      const value = this.word("'EMPTY'").toLowerCase();
      if (value !== 'empty' && value !== 'null') {
        throw new JqlError(`Error in the JQL Query: '${operator}' takes EMPTY or NULL, not '${value}'.`);
      }
      return { field, operator, values: [] };
    }
    const token = this.peek();
    if (token?.kind !== 'operator') {
      throw this.unexpected('an operator');
    }
    this.position += 1;
    return { field, operator: token.text as Operator, values: [this.value()] };
  }

  private list(): string[] {
    this.expect('open');
    const values = [this.value()];
    while (this.peek()?.kind === 'comma') {
      this.position += 1;
      values.push(this.value());
    }
    this.expect('close');
    return values;
  }

  private value(): string {
    const value = this.word('a value');
    if (this.peek()?.kind === 'open') {
      throw new JqlError(`Error in the JQL Query: the function '${value}()' is not supported by fake-jira.`);
    }
    return value;
  }

  private orderBy(): [string, 'asc' | 'desc'][] {
    this.takeKeyword('order');
    if (!this.takeKeyword('by')) {
      throw this.unexpected("'by'");
    }
    const sorts: [string, 'asc' | 'desc'][] = [];
    for (;;) {
      const field = this.word('a field name').toLowerCase();
      const descending = this.takeKeyword('desc');
      if (!descending) {
        this.takeKeyword('asc');
      }
      sorts.push([field, descending ? 'desc' : 'asc']);
      if (this.peek()?.kind !== 'comma') {
        return sorts;
      }
      this.position += 1;
    }
  }

  private word(expected: string): string {
    const token = this.peek();
    if (token?.kind !== 'word') {
      throw this.unexpected(expected);
    }
    this.position += 1;
    return token.text;
  }

  private expect(kind: 'open' | 'close'): void {
    if (this.peek()?.kind !== kind) {
      throw this.unexpected(kind === 'open' ? "'('" : "')'");
    }
    this.position += 1;
  }

  private atKeyword(keyword: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && !token.quoted && token.text.toLowerCase() === keyword;
  }

  private takeKeyword(keyword: string): boolean {
    const at = this.atKeyword(keyword);
    if (at) {
      this.position += 1;
    }
    return at;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private done(): boolean {
    return this.position >= this.tokens.length;
  }

  private unexpected(expected: string): JqlError {
    const token = this.peek();
    const found =
      token === undefined ? 'the end of the query' : 'text' in token ? `'${token.text}'` : token.kind;
    return new JqlError(`Error in the JQL Query: Expecting ${expected} but got ${found}.`);
  }
}

interface Context {
  site: JiraSite;
  store: IssueStore;
  now: Date;
}

function compileExpression(expression: Expression, context: Context): Predicate {
  switch (expression.type) {
    case 'and': {
      const parts = expression.parts.map((part) => compileExpression(part, context));
      return (issue) => parts.every((part) => part(issue));
    }
    case 'or': {
      const parts = expression.parts.map((part) => compileExpression(part, context));
      return (issue) => parts.some((part) => part(issue));
    }
    case 'not': {
      const operand = compileExpression(expression.operand, context);
      return (issue) => !operand(issue);
    }
    case 'clause':
      return compileClause(expression.clause, context);
  }
}

function compileClause(clause: Clause, context: Context): Predicate {
  switch (clause.field) {
    case 'project':
      return equality(
        clause,
        (value) => (context.site.isProject(value) ? 'project' : undefined),
        () => ['project'],
      );
    case 'key':
    case 'issuekey':
    case 'id':
      return equality(
        clause,
        (value) => issueByReference(context.store, value).id,
        (issue) => [issue.id],
      );
    case 'labels':
      return labels(clause);
    case 'status':
      return equality(
        clause,
        (value) => named(STATUSES, value)?.id,
        (issue) => [issue.status.id],
      );
    case 'statuscategory':
      return equality(
        clause,
        (value) =>
          STATUS_CATEGORIES.find((category) =>
            matchesName(value, category.name, category.key, String(category.id)),
          )?.key,
        (issue) => [issue.status.category.key],
      );
    case 'issuetype':
    case 'type':
      return equality(
        clause,
        (value) => context.site.issueType(value)?.id,
        (issue) => [issue.issueType.id],
      );
    case 'priority':
      return equality(
        clause,
        (value) => context.site.priority(value)?.id,
        (issue) => {
          const priority = issue.fields.get('priority') as NamedItem | undefined;
          return priority ? [priority.id] : [];
        },
      );
    case 'resolution':
      return resolution(clause);
    case 'summary':
    case 'text':
      return contains(clause);
    case 'created':
    case 'createddate':
      return dates(clause, context.now, (issue) => issue.created);
    case 'updated':
    case 'updateddate':
      return dates(clause, context.now, (issue) => issue.updated);
    case 'duedate':
    case 'due': {
      const due = (issue: StoredIssue): Date | undefined => {
        const value = issue.fields.get('duedate');
        return typeof value === 'string' ? new Date(`${value}T00:00:00.000Z`) : undefined;
      };
      return dates(clause, context.now, due);
    }
    default:
      throw new JqlError(`Field '${clause.field}' does not exist or you do not have permission to view it.`);
  }
}

function unsupported(clause: Clause): JqlError {
  return new JqlError(
    `Error in the JQL Query: The operator '${clause.operator}' is not supported by the '${clause.field}' field.`,
  );
}

function noSuchValue(clause: Clause, value: string): JqlError {
  return new JqlError(`The value '${value}' does not exist for the field '${clause.field}'.`);
}

/** =, !=, in, not in over resolved values; a value that names nothing is an error, as in Jira. */
function equality(
  clause: Clause,
  resolve: (value: string) => string | undefined,
  of: (issue: StoredIssue) => string[],
): Predicate {
  if (!['=', '!=', 'in', 'not in'].includes(clause.operator)) {
    throw unsupported(clause);
  }
  const wanted = new Set(
    clause.values.map((value) => {
      const resolved = resolve(value);
      if (resolved === undefined) {
        throw noSuchValue(clause, value);
      }
      return resolved;
    }),
  );
  const positive = clause.operator === '=' || clause.operator === 'in';
  return (issue) => {
    const values = of(issue);
    return values.some((value) => wanted.has(value)) === positive && (positive || values.length > 0);
  };
}

function labels(clause: Clause): Predicate {
  const of = (issue: StoredIssue): string[] => (issue.fields.get('labels') as string[] | undefined) ?? [];
  if (clause.operator === 'is' || clause.operator === 'is not') {
    const empty = clause.operator === 'is';
    return (issue) => (of(issue).length === 0) === empty;
  }
  return equality(
    clause,
    (value) => value.toLowerCase(),
    (issue) => of(issue).map((label) => label.toLowerCase()),
  );
}

function resolution(clause: Clause): Predicate {
  if (clause.operator === 'is' || clause.operator === 'is not') {
    const empty = clause.operator === 'is';
    return (issue) => (issue.resolved === undefined) === empty;
  }
  return equality(
    clause,
    (value) => (['unresolved', 'done'].includes(value.toLowerCase()) ? value.toLowerCase() : undefined),
    (issue) => [issue.resolved ? 'done' : 'unresolved'],
  );
}

function contains(clause: Clause): Predicate {
  if (clause.operator !== '~' && clause.operator !== '!~') {
    throw unsupported(clause);
  }
  const words = (clause.values[0] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const positive = clause.operator === '~';
  return (issue) => {
    const summary = textField(issue, 'summary').toLowerCase();
    return words.every((word) => summary.includes(word)) === positive;
  };
}

function dates(clause: Clause, now: Date, of: (issue: StoredIssue) => Date | undefined): Predicate {
  if (clause.operator === 'is' || clause.operator === 'is not') {
    const empty = clause.operator === 'is';
    return (issue) => (of(issue) === undefined) === empty;
  }
  if (!['=', '!=', '>', '>=', '<', '<='].includes(clause.operator)) {
    throw unsupported(clause);
  }
  const bound = parseDate(clause, clause.values[0] ?? '', now);
  return (issue) => {
    const date = of(issue);
    return date !== undefined && compareDate(clause.operator, date.getTime(), bound);
  };
}

function compareDate(operator: Operator, time: number, bound: number): boolean {
  const minute = 60_000;
  switch (operator) {
    case '=':
      return Math.floor(time / minute) === Math.floor(bound / minute);
    case '!=':
      return Math.floor(time / minute) !== Math.floor(bound / minute);
    case '>':
      return time > bound;
    case '>=':
      return time >= bound;
    case '<':
      return time < bound;
    default:
      return time <= bound;
  }
}

const PERIOD_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 };

/** `yyyy-MM-dd[ HH:mm]`, `yyyy/MM/dd[ HH:mm]` in the user's zone (UTC), or a period from now (`-5d`, `2h`). */
function parseDate(clause: Clause, value: string, now: Date): number {
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (absolute) {
    const [, year, month, day, hour = '00', minute = '00'] = absolute;
    return Date.parse(`${year}-${month}-${day}T${hour}:${minute}:00.000Z`);
  }
  const period = /^([-+]?)(\d+)([wdhm])$/.exec(value.trim());
  if (period) {
    const [, sign, amount, unit] = period;
    const offset = Number(amount) * (PERIOD_MS[unit as string] ?? 0);
    return now.getTime() + (sign === '-' ? -offset : offset);
  }
  throw new JqlError(
    `Date value '${value}' for field '${clause.field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
      `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w'.`,
  );
}

function issueByReference(store: IssueStore, value: string): StoredIssue {
  const issue = store.find(value);
  if (!issue) {
    throw new JqlError(`An issue with key '${value}' does not exist for field 'key'.`);
  }
  return issue;
}

function named<T extends { id: string; name: string }>(items: readonly T[], value: string): T | undefined {
  return items.find((item) => matchesName(value, item.name, item.id));
}

function matchesName(value: string, ...names: string[]): boolean {
  return names.some((name) => name.toLowerCase() === value.toLowerCase());
}

function textField(issue: StoredIssue, id: string): string {
  const value = issue.fields.get(id);
  return typeof value === 'string' ? value : '';
}

type SortKey = (issue: StoredIssue) => number | string;

const SORT_KEYS: Record<string, SortKey> = {
  key: (issue) => issue.number,
  issuekey: (issue) => issue.number,
  id: (issue) => issue.number,
  created: (issue) => issue.created.getTime(),
  updated: (issue) => issue.updated.getTime(),
  summary: (issue) => textField(issue, 'summary'),
  status: (issue) => STATUSES.indexOf(issue.status),
  duedate: (issue) => textField(issue, 'duedate') || '9999-12-31',
  // Priorities are listed highest first: a higher priority sorts greater.
  priority: (issue) => -Number((issue.fields.get('priority') as NamedItem | undefined)?.id ?? Infinity),
};

/** ORDER BY, then newest first (Jira's default order is by creation, descending). */
function comparator(orderBy: [string, 'asc' | 'desc'][]): (left: StoredIssue, right: StoredIssue) => number {
  const sorts = [...orderBy, ['key', 'desc'] as [string, 'asc' | 'desc']].map(([field, direction]) => {
    const key = SORT_KEYS[field];
    if (!key) {
      throw new JqlError(`Field '${field}' does not exist or is not sortable.`);
    }
    return { key, sign: direction === 'asc' ? 1 : -1 };
  });
  return (left, right) => {
    for (const { key, sign } of sorts) {
      const a = key(left);
      const b = key(right);
      if (a !== b) {
        return (a < b ? -1 : 1) * sign;
      }
    }
    return 0;
  };
}
