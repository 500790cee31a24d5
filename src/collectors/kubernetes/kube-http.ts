import { Agent, request, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { DelegateBackoff, handleWhen, type IRetryBackoffContext, retry, type RetryPolicy } from 'cockatiel';
import { DomainError } from '../../common/errors/domain-error';

export interface KubeHttpOptions {
  /** Connections kept open to the API server; also the most requests in flight. */
  maxSockets: number;
  requestTimeoutMs: number;
  /** Attempts per request, the first included, on 429, 5xx, timeouts and dropped connections. */
  maxAttempts: number;
}

export const DEFAULT_KUBE_HTTP_OPTIONS: KubeHttpOptions = {
  maxSockets: 4,
  requestTimeoutMs: 30_000,
  maxAttempts: 6,
};

/** A response of the API server other than 2xx. Never carries the request's credentials or the body text. */
export class KubeHttpError extends Error {
  constructor(
    readonly status: number,
    /** The Status `reason` (e.g. `Forbidden`, `Expired`), when the server sent one. */
    readonly reason: string | undefined,
    /** Seconds from a `Retry-After` header. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`the API server answered ${status}${reason ? ` (${reason})` : ''}`);
  }
}

/** No response at all: timeout, refused or reset connection, TLS failure. */
export class KubeConnectionError extends Error {
  constructor(
    message: string,
    /** Node's error code, e.g. `ECONNRESET` or `DEPTH_ZERO_SELF_SIGNED_CERT`. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Failures that may heal on their own; a TLS or address refusal will not. */
const TRANSIENT_CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'TIMEOUT',
]);

const MAX_BACKOFF_MS = 10_000;
/** Retry-After is honoured with up to this much added, so throttled clients do not return in lockstep. */
const RETRY_AFTER_JITTER_MS = 250;

function retryable(error: Error): boolean {
  if (error instanceof KubeHttpError) {
    return error.status === 429 || error.status >= 500;
  }
  return error instanceof KubeConnectionError && TRANSIENT_CONNECTION_CODES.has(error.code ?? '');
}

function delayMs(context: IRetryBackoffContext<unknown>): number {
  const error = 'error' in context.result ? context.result.error : undefined;
  if (error instanceof KubeHttpError && error.retryAfterSeconds !== undefined) {
    return error.retryAfterSeconds * 1000 + Math.random() * RETRY_AFTER_JITTER_MS;
  }
  // Full jitter over an exponential ceiling.
  return Math.random() * Math.min(MAX_BACKOFF_MS, 200 * 2 ** context.attempt);
}

/** Errors of the address guard (DomainError) pass through with their code; the rest become connection errors. */
function connectionError(error: Error): Error {
  if (error instanceof DomainError || error instanceof KubeConnectionError) {
    return error;
  }
  // Node's own messages name the address connected to (`connect ECONNREFUSED 10.0.0.4:6443`): callers show this
  // one to users, who must learn nothing about the resolved addresses of a name.
  const code = (error as NodeJS.ErrnoException).code;
  return new KubeConnectionError(`the API server could not be reached${code ? ` (${code})` : ''}`, code);
}

function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const seconds = Number(Array.isArray(value) ? value[0] : value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 60) : undefined;
}

function statusReason(body: string): string | undefined {
  try {
    const reason = (JSON.parse(body) as { reason?: unknown }).reason;
    return typeof reason === 'string' ? reason : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET requests to one API server, authenticated and verified as client-node's KubeConfig says (so a registered
 * cluster's address guard applies), over keep-alive connections, with retries. Bodies are parsed as plain JSON:
 * the checks read Kubernetes objects exactly as the API server sends them.
 */
export class KubeHttp {
  private readonly retryPolicy: RetryPolicy;

  private constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly server: URL,
    private readonly agent: Agent,
    private readonly options: KubeHttpOptions,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.retryPolicy = retry(handleWhen(retryable), {
      maxAttempts: options.maxAttempts - 1,
      backoff: new DelegateBackoff(delayMs),
    });
  }

  /** `signal` aborts every request in flight and every retry wait: the caller stopped the collection. */
  static async connect(
    kubeConfig: KubeConfig,
    options: KubeHttpOptions = DEFAULT_KUBE_HTTP_OPTIONS,
    signal?: AbortSignal,
  ) {
    const cluster = kubeConfig.getCurrentCluster();
    if (!cluster?.server) {
      throw new Error('the kubeconfig names no server');
    }
    const https: RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(https);
    if (!(https.agent instanceof Agent)) {
      throw new Error('expected an https agent for the API server');
    }
    // The same TLS material and connection guard (lookup), kept alive across the pages of a collection.
    // Verification is stated, not inherited: NODE_TLS_REJECT_UNAUTHORIZED=0 must not turn it off.
    const agent = new Agent({
      ...https.agent.options,
      rejectUnauthorized: cluster.skipTLSVerify !== true,
      keepAlive: true,
      maxSockets: options.maxSockets,
    });
    return new KubeHttp(kubeConfig, new URL(cluster.server), agent, options, signal);
  }

  /** GET `path` (relative to the server URL) and parse the JSON body; retried on 429, 5xx and lost connections. */
  getJson<T>(path: string, query: Record<string, string | undefined> = {}, accept?: string): Promise<T> {
    return this.retryPolicy.execute(() => this.once<T>(path, query, accept), this.signal);
  }

  /** Sends one POST with a JSON body (access reviews); not retried beyond what getJson would. */
  postJson<T>(path: string, body: unknown): Promise<T> {
    return this.retryPolicy.execute(
      () => this.once<T>(path, {}, undefined, JSON.stringify(body)),
      this.signal,
    );
  }

  close(): void {
    this.agent.destroy();
  }

  private async once<T>(
    path: string,
    query: Record<string, string | undefined>,
    accept = 'application/json',
    body?: string,
  ): Promise<T> {
    const url = new URL(`${this.server.pathname.replace(/\/$/, '')}${path}`, this.server);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) {
        url.searchParams.set(name, value);
      }
    }
    // Headers are taken per request: a trusted local kubeconfig may refresh a short-lived token (exec).
    const auth: RequestOptions = {};
    await this.kubeConfig.applyToHTTPSOptions(auth);
    const headers: Record<string, string> = { accept };
    for (const [name, value] of Object.entries(auth.headers ?? {})) {
      headers[name.toLowerCase()] = String(value);
    }
    if (auth.auth) {
      headers['authorization'] = `Basic ${Buffer.from(auth.auth).toString('base64')}`;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const text = await this.send(url, headers, body);
    return JSON.parse(text) as T;
  }

  private send(url: URL, headers: Record<string, string>, body: string | undefined): Promise<string> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: body === undefined ? 'GET' : 'POST',
          agent: this.agent,
          headers,
          timeout: this.options.requestTimeoutMs,
          ...(this.signal && { signal: this.signal }),
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(connectionError(error)));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) {
              resolve(text);
            } else {
              reject(
                new KubeHttpError(
                  status,
                  statusReason(text),
                  parseRetryAfter(response.headers['retry-after']),
                ),
              );
            }
          });
        },
      );
      outgoing.on('timeout', () =>
        outgoing.destroy(new KubeConnectionError('the API server did not answer in time', 'TIMEOUT')),
      );
      outgoing.on('error', (error) => reject(connectionError(error)));
      outgoing.end(body);
    });
  }
}
