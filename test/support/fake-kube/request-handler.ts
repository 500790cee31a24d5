import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { answerAccessReview } from './access-review';
import { type Authentication, authenticate, type Credentials } from './authentication';
import type { FaultInjector } from './faults';
import type { ObjectStore } from './object-store';
import { answerGet, answerList, injectedFailure } from './reads';
import { route, type RouteContext } from './routes';
import {
  type Answer,
  badRequest,
  internalError,
  jsonAnswer,
  methodNotAllowed,
  pathNotFound,
  unauthorized,
} from './status';
import type { RecordedRequest } from './types';

/** An access review is a few hundred bytes; anything far larger is not one. */
const MAX_BODY_BYTES = 1_048_576;

export interface FakeKubeState {
  routes: RouteContext;
  store: ObjectStore;
  faults: FaultInjector;
  credentials: Credentials;
  requests: RecordedRequest[];
}

export function requestHandler(
  state: FakeKubeState,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', 'https://fake-kube');
    const authentication = authenticate(request, state.credentials);
    answer(state, request, url, authentication)
      .catch((error: Error) => internalError(`fake-kube failed: ${error.message}`))
      .then((result) => {
        state.requests.push(record(request, url, authentication, result));
        send(response, result);
      })
      .catch(() => response.destroy());
  };
}

async function answer(
  state: FakeKubeState,
  request: IncomingMessage,
  url: URL,
  authentication: Authentication | undefined,
): Promise<Answer> {
  if (!authentication) {
    return unauthorized();
  }
  const target = route(state.routes, request.method ?? 'GET', url.pathname);
  const faulty = target.type !== 'discovery' || state.faults.appliesToDiscovery();
  if (faulty && state.faults.latencyMs > 0) {
    await delay(state.faults.latencyMs);
  }
  const context = { store: state.store, faults: state.faults, authentication };
  const accept = request.headers.accept;
  switch (target.type) {
    case 'discovery':
      return (faulty && injectedFailure(state.faults)) || jsonAnswer(200, target.document);
    case 'list':
      return answerList(context, target.resource, target.namespace, url.searchParams, accept);
    case 'get':
      return answerGet(context, target.resource, target.namespace, target.name, accept);
    case 'accessReview': {
      const body = await readBody(request);
      return body === undefined
        ? badRequest('request body too large')
        : answerAccessReview(body, state.faults, authentication);
    }
    case 'methodNotAllowed':
      return methodNotAllowed();
    case 'notFound':
      return pathNotFound();
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
  response.writeHead(result.code, {
    'Content-Type': result.contentType ?? 'application/json',
    'Content-Length': Buffer.byteLength(result.body),
    'Cache-Control': 'no-cache, private',
    'Audit-Id': randomUUID(),
    ...result.headers,
  });
  response.end(result.body);
}

function record(
  request: IncomingMessage,
  url: URL,
  authentication: Authentication | undefined,
  result: Answer,
): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name !== 'authorization' && value !== undefined) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    status: result.code,
    authenticatedBy: authentication?.method,
    partialObjectMetadata: result.partialObjectMetadata === true,
  };
}
