import { type Answer, errorCollection, jsonAnswer } from './answers';
import type { OperationContext } from './issue-operations';
import { issueBean, onlyIds, parseFieldSelection } from './issue-view';
import { type CompiledQuery, compileJql, JqlError } from './jql';
import { isRecord } from './site';

const DEFAULT_PAGE = 50;
/** Jira returns at most this many issues with fields per page, and far more with ids and keys only. */
const MAX_PAGE_WITH_FIELDS = 100;
const MAX_PAGE_IDS_ONLY = 5000;

interface SearchRequest {
  jql: string;
  fields: string[] | undefined;
  maxResults: number;
  offset: number;
  reconcileIssues: Set<string>;
}

/**
 * POST /search/jql: one page of the issues matching the JQL, ids only unless `fields` asks for more,
 * continued with `nextPageToken`. Issues younger than the search lag are not indexed yet.
 */
export function answerSearch(context: OperationContext, searchLagMs: number, body: unknown): Answer {
  const request = readSearchRequest(body);
  if ('error' in request) {
    return errorCollection(400, [request.error]);
  }
  const now = context.now();
  const query = compile(context, request.jql, now);
  if ('error' in query) {
    return errorCollection(400, [query.error]);
  }
  const indexedBefore = now.getTime() - searchLagMs;
  const found = context.store
    .all()
    .filter((issue) => issue.created.getTime() <= indexedBefore || request.reconcileIssues.has(issue.id))
    .filter((issue) => query.matches(issue))
    .sort((left, right) => query.compare(left, right));
  const selection = parseFieldSelection(request.fields, 'id');
  const idsOnly = onlyIds(selection);
  const pageSize = Math.min(
    request.maxResults,
    idsOnly || [...selection.include].every((name) => name === 'id' || name === 'key')
      ? MAX_PAGE_IDS_ONLY
      : MAX_PAGE_WITH_FIELDS,
  );
  const page = found.slice(request.offset, request.offset + pageSize);
  const end = request.offset + page.length;
  const isLast = end >= found.length;
  context.counters.searches += 1;
  return jsonAnswer(200, {
    issues: page.map((issue) => (idsOnly ? { id: issue.id } : issueBean(context.site, issue, selection))),
    ...(!isLast && { nextPageToken: pageToken(request.jql, end) }),
    isLast,
  });
}

function compile(context: OperationContext, jql: string, now: Date): CompiledQuery | { error: string } {
  try {
    return compileJql(jql, context.site, context.store, now);
  } catch (error) {
    if (error instanceof JqlError) {
      return { error: error.message };
    }
    throw error;
  }
}

const UNMODELLED = ['expand', 'properties', 'fieldsByKeys'];

function readSearchRequest(body: unknown): SearchRequest | { error: string } {
  if (!isRecord(body)) {
    return { error: 'The request body must be a JSON object.' };
  }
  const unmodelled = UNMODELLED.find(
    (name) =>
      body[name] !== undefined && body[name] !== false && body[name] !== '' && !isEmptyArray(body[name]),
  );
  if (unmodelled) {
    return { error: `fake-jira does not model '${unmodelled}' on a search.` };
  }
  const { jql = '', fields, maxResults = DEFAULT_PAGE, nextPageToken, reconcileIssues = [] } = body;
  if (typeof jql !== 'string') {
    return { error: 'jql must be a string.' };
  }
  if (
    fields !== undefined &&
    !(Array.isArray(fields) && fields.every((field) => typeof field === 'string'))
  ) {
    return { error: 'fields must be an array of strings.' };
  }
  if (typeof maxResults !== 'number' || !Number.isInteger(maxResults) || maxResults < 1) {
    return { error: 'maxResults must be a positive whole number.' };
  }
  if (!Array.isArray(reconcileIssues) || !reconcileIssues.every((id) => Number.isInteger(id))) {
    return { error: 'reconcileIssues must be an array of issue ids (numbers).' };
  }
  const offset = nextPageToken === undefined ? 0 : pageOffset(nextPageToken, jql);
  if (offset === undefined) {
    return { error: 'The provided next page token is invalid or expired.' };
  }
  return {
    jql,
    fields: fields,
    maxResults,
    offset,
    reconcileIssues: new Set(reconcileIssues.map(String)),
  };
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Opaque to clients; bound to the query it continues. */
function pageToken(jql: string, offset: number): string {
  return Buffer.from(JSON.stringify({ jql, offset })).toString('base64url');
}

function pageOffset(token: unknown, jql: string): number | undefined {
  if (typeof token !== 'string') {
    return undefined;
  }
  try {
    const decoded: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return isRecord(decoded) && decoded['jql'] === jql && Number.isInteger(decoded['offset'])
      ? (decoded['offset'] as number)
      : undefined;
  } catch {
    return undefined;
  }
}
