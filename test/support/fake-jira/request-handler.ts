import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type Answer,
  badJson,
  errorCollection,
  injectedFailure,
  issueNotFound,
  jsonAnswer,
  methodNotAllowed,
  pathNotFound,
  tooManyRequests,
  unauthorized,
} from './answers';
import { authenticate } from './authentication';
import { answerCreateMetaFields, answerCreateMetaIssueTypes } from './createmeta';
import type { FaultInjector } from './faults';
import {
  answerAddComment,
  answerCreateIssue,
  answerEditIssue,
  answerGetIssue,
  type OperationContext,
} from './issue-operations';
import type { WriteTracker } from './issue-store';
import { ISSUE_WRITES, type Route, route } from './routes';
import { answerSearch } from './search';
import { answerDoTransition, answerGetTransitions } from './transitions';
import type { JiraCredentials, RecordedRequest } from './types';

/** Far above any issue the service writes; a larger body is refused rather than buffered. */
const MAX_BODY_BYTES = 10 * 1_048_576;

export interface FakeJiraState {
  operations: OperationContext;
  faults: FaultInjector;
  writes: WriteTracker;
  credentials: JiraCredentials;
  requests: RecordedRequest[];
  /** Requests held unanswered by a `hang` outage. */
  hung: Set<ServerResponse>;
}

export function requestHandler(
  state: FakeJiraState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', state.operations.site.baseUrl);
    const record: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      authenticatedBy: undefined,
      status: undefined,
      injected: undefined,
      issueKey: undefined,
      startedAt: new Date(),
      durationMs: 0,
    };
    state.requests.push(record);
    state.operations.counters.requests += 1;
    if (state.faults.outage !== undefined) {
      holdOrDrop(state, request, response, record);
      return;
    }
    answer(state, request, response, url, record)
      .catch((error: Error) => errorCollection(500, [`fake-jira failed: ${error.message}`]))
      .then((result) => {
        record.status = result.code;
        record.durationMs = Date.now() - record.startedAt.getTime();
        send(response, result);
      })
      .catch(() => response.destroy());
  };
}

/** Jira unreachable while up: the connection is reset, or the request waits for an answer that never comes. */
function holdOrDrop(
  state: FakeJiraState,
  request: IncomingMessage,
  response: ServerResponse,
  record: RecordedRequest,
): void {
  record.injected = 'outage';
  if (state.faults.outage === 'hang') {
    state.hung.add(response);
    response.once('close', () => state.hung.delete(response));
  } else {
    request.socket.destroy();
  }
}

async function answer(
  state: FakeJiraState,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  record: RecordedRequest,
): Promise<Answer> {
  const { operations, faults } = state;
  const authentication = authenticate(request, state.credentials);
  const target = route(record.method, url.pathname);
  if (authentication.outcome === 'authenticated' && ISSUE_WRITES.has(target.type) && 'issue' in target) {
    // In flight from arrival to the end of the answer, latency included.
    const key = operations.store.find(target.issue)?.key ?? target.issue.toUpperCase();
    record.issueKey = key;
    response.once('close', state.writes.begin(key));
  }
  const raw = await readBody(request);
  if (faults.latencyMs > 0) {
    await delay(faults.latencyMs);
  }
  if (authentication.outcome !== 'authenticated') {
    operations.counters.unauthorized += 1;
    return unauthorized(authentication.outcome === 'rejected', operations.site.baseUrl);
  }
  record.authenticatedBy = authentication.method;
  if (raw === undefined) {
    return errorCollection(413, ['The request body is too large.']);
  }
  const body = parseBody(request, raw);
  if ('answer' in body) {
    return body.answer;
  }
  record.body = body.value;
  const injection = faults.draw(`${request.method ?? ''} ${url.pathname}`);
  if (injection?.type === 'rateLimit') {
    operations.counters.rateLimited += 1;
    record.injected = 'rateLimit';
    return tooManyRequests(injection.retryAfterSeconds, operations.now());
  }
  if (injection?.type === 'failure') {
    operations.counters.injectedFailures += 1;
    record.injected = 'failure';
    if (injection.applied) {
      operate(state, target, record.body, url.searchParams);
    }
    return injectedFailure(injection.status);
  }
  return operate(state, target, record.body, url.searchParams);
}

/** JSON bodies only, as Jira's REST API; no body is undefined. */
function parseBody(request: IncomingMessage, raw: string): { value: unknown } | { answer: Answer } {
  if (raw === '') {
    return { value: undefined };
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return {
      answer: errorCollection(415, [`Unsupported Media Type: ${type || 'none'}; send application/json.`]),
    };
  }
  try {
    return { value: JSON.parse(raw) as unknown };
  } catch {
    return { answer: badJson() };
  }
}

function operate(state: FakeJiraState, target: Route, body: unknown, query: URLSearchParams): Answer {
  const context = state.operations;
  const { site, store } = context;
  switch (target.type) {
    case 'myself':
      return jsonAnswer(200, site.currentUser());
    case 'createMetaIssueTypes':
      return answerCreateMetaIssueTypes(site, target.project, query);
    case 'createMetaFields':
      return answerCreateMetaFields(site, target.project, target.issueTypeId, query);
    case 'createIssue':
      return answerCreateIssue(context, body);
    case 'search':
      return answerSearch(context, state.faults.searchLagMs, body);
    case 'methodNotAllowed':
      return methodNotAllowed();
    case 'notFound':
      return pathNotFound();
    default: {
      const issue = store.find(target.issue);
      if (!issue) {
        return issueNotFound();
      }
      switch (target.type) {
        case 'getIssue':
          return answerGetIssue(context, issue, query);
        case 'editIssue':
          return answerEditIssue(context, issue, body, query);
        case 'getTransitions':
          return answerGetTransitions(context, issue, query);
        case 'doTransition':
          return answerDoTransition(context, issue, body);
        case 'addComment':
          return answerAddComment(context, issue, body);
      }
    }
  }
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, result: Answer): void {
  const headers: Record<string, string | number> = {
    'X-AREQUESTID': randomUUID(),
    'Cache-Control': 'no-cache, no-store, no-transform',
    ...result.headers,
  };
  if (result.code !== 204) {
    headers['Content-Type'] = result.contentType ?? 'application/json;charset=UTF-8';
    headers['Content-Length'] = Buffer.byteLength(result.body);
  }
  response.writeHead(result.code, headers);
  response.end(result.code === 204 ? undefined : result.body);
}
