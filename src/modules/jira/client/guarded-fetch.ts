import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { DomainError } from '../../../common/errors/domain-error';
import {
  type AddressPolicy,
  assertAddressAllowed,
  guardedLookup,
} from '../../../common/network/address-policy';
import { JiraRequestError } from './jira-request-error';

export interface GuardedFetchOptions {
  policy: AddressPolicy;
  /** Deadline for one request, from sending to the last byte of the answer. */
  timeoutMs: number;
}

/** Jira's answers here are one issue or a page of them; anything far larger is not Jira talking. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Idle keep-alive sockets close themselves after this, so a client built per job leaves nothing open. */
const IDLE_SOCKET_MS = 30_000;

/** `fetch` as openapi-fetch calls it: one attempt, no redirects followed. */
export type JiraFetch = (request: Request) => Promise<Response>;

function checkLiteralHost(url: URL, policy: AddressPolicy): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // Node connects to an IP literal without calling `lookup`: the guard must see it here.
  if (isIP(host) !== 0) {
    assertAddressAllowed(host, policy);
  }
}

function headerObject(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}

function responseHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) {
      headers.append(name, item);
    }
  }
  return headers;
}

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of message as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) {
      message.destroy();
      throw new JiraRequestError(`Jira's answer exceeded ${MAX_RESPONSE_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Why a request got no answer, in words that name neither the credentials nor a resolved address. */
function transportError(error: unknown, deadline: AbortSignal, timeoutMs: number): JiraRequestError {
  if (error instanceof JiraRequestError) {
    return error;
  }
  if (error instanceof DomainError) {
    return new JiraRequestError(`Jira's address is not allowed: ${error.message}`, {
      code: error.code,
      cause: error,
    });
  }
  if (deadline.aborted) {
    return new JiraRequestError(`Jira did not answer within ${timeoutMs / 1000} s`, { code: 'TIMEOUT' });
  }
  // Node's own messages name the address connected to (`connect ECONNREFUSED 10.0.0.4:443`): not kept.
  const code = (error as NodeJS.ErrnoException).code;
  return new JiraRequestError(`Jira could not be reached${code ? ` (${code})` : ''}`, code ? { code } : {});
}

/**
 * A fetch over node:http(s) whose every connection obeys the address policy that cluster API servers obey: a
 * host name is checked at connection time on the addresses it resolves to (so DNS rebinding is caught), an IP
 * literal before the request. TLS is always verified. Failures are {@link JiraRequestError}s; the request's own
 * signal aborting (the caller gave up) rejects with its reason instead.
 */
export function guardedFetch({ policy, timeoutMs }: GuardedFetchOptions): JiraFetch {
  const lookup = guardedLookup(policy);
  const agentOptions = { lookup, keepAlive: true, timeout: IDLE_SOCKET_MS };
  const httpsAgent = new HttpsAgent({ ...agentOptions, rejectUnauthorized: true });
  const httpAgent = new HttpAgent(agentOptions);

  return async (request) => {
    const url = new URL(request.url);
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([request.signal, deadline]);
    try {
      checkLiteralHost(url, policy);
      const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const message = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = send(url, {
          method: request.method,
          headers: headerObject(request.headers),
          agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
          signal,
        });
        outgoing.on('response', resolve);
        outgoing.on('error', reject);
        outgoing.end(body);
      });
      const status = message.statusCode ?? 0;
      const content = await readBody(message);
      // A Response may not carry a body with these statuses.
      const nullBody = status === 204 || status === 205 || status === 304;
      return new Response(nullBody ? null : content, { status, headers: responseHeaders(message) });
    } catch (error) {
      if (request.signal.aborted) {
        throw request.signal.reason;
      }
      throw transportError(error, deadline, timeoutMs);
    }
  };
}
