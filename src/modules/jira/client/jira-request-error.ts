/** Node's codes for a connection that was never established: the request cannot have reached Jira. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Failures that may heal on their own; a refused address, a TLS failure or an unknown host will not. */
const TRANSIENT_CODES = new Set([...NOT_SENT_CODES, 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'TIMEOUT']);

const STATUS_HINTS: Record<number, string> = {
  401: 'the credentials were not accepted',
  403: 'the account lacks a permission this needs',
  404: 'no such issue or project, or the account may not see it',
  429: 'Jira is rate limiting these requests',
};

/** Longest part of Jira's own text kept in a message: enough for every field error of a create. */
const MAX_DETAIL_LENGTH = 2_000;

export interface JiraRequestErrorDetails {
  /** Jira's HTTP status; undefined when no response arrived. */
  status?: number;
  /** Node's error code when no response arrived, e.g. `ECONNREFUSED`, or `TIMEOUT`. */
  code?: string;
  /** How long Jira asked us to wait (`Retry-After`). */
  retryAfterMs?: number;
  /** Jira's `errorMessages`. */
  errorMessages?: string[];
  /** Jira's `errors`: field id → message (e.g. `summary` → `You must specify a summary of the issue.`). */
  fieldErrors?: Record<string, string>;
  cause?: unknown;
}

/**
 * A Jira request that failed, with a message a consultant can act on. It never carries the credentials or the
 * addresses a host name resolved to.
 */
export class JiraRequestError extends Error {
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly errorMessages: string[];
  readonly fieldErrors: Record<string, string>;
  /** Worth trying again later: throttling, Jira's own failures, lost connections and timeouts. */
  readonly retryable: boolean;
  /** Jira cannot have acted on the request (throttled, or never connected), so even a create may be resent. */
  readonly unsent: boolean;

  constructor(message: string, details: JiraRequestErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'JiraRequestError';
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
    this.errorMessages = details.errorMessages ?? [];
    this.fieldErrors = details.fieldErrors ?? {};
    this.retryable =
      details.status === undefined
        ? TRANSIENT_CODES.has(details.code ?? '')
        : details.status === 429 || details.status >= 500;
    this.unsent = details.status === 429 || NOT_SENT_CODES.has(details.code ?? '');
  }
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Jira's text with every secret replaced: a server (or a proxy before it) may echo what it was sent. */
function redacted(text: string, secrets: readonly string[]): string {
  return secrets.reduce(
    (result, secret) => (secret ? result.split(secret).join('[redacted]') : result),
    text,
  );
}

function stringList(value: unknown, secrets: readonly string[]): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string').map((item) => redacted(item, secrets))
    : [];
}

function stringRecord(value: unknown, secrets: readonly string[]): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(value)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([field, message]) => [redacted(field, secrets), redacted(message, secrets)]),
  );
}

/**
 * The error for a non-2xx answer to `operation` (e.g. `POST /rest/api/3/issue`). Jira's error body
 * (`{errorMessages: [...], errors: {field: message}}`) is named in the message; any other body (a proxy's HTML
 * page) is left out, and `secrets` are cut out of what is kept.
 */
export function jiraResponseError(
  operation: string,
  response: Response,
  body: unknown,
  secrets: readonly string[],
): JiraRequestError {
  const { status } = response;
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const errorMessages = stringList(record['errorMessages'], secrets);
  const fieldErrors = stringRecord(record['errors'], secrets);
  const jiraText = [
    ...errorMessages,
    ...Object.entries(fieldErrors).map(([field, message]) => `${field}: ${message}`),
  ].join('; ');
  const detail = jiraText === '' ? STATUS_HINTS[status] : jiraText.slice(0, MAX_DETAIL_LENGTH);
  return new JiraRequestError(`Jira answered ${status} to ${operation}${detail ? `: ${detail}` : ''}`, {
    status,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    errorMessages,
    fieldErrors,
  });
}
