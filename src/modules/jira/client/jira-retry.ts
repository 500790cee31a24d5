import { DelegateBackoff, handleWhen, type IRetryBackoffContext, retry, type RetryPolicy } from 'cockatiel';
import { JiraRequestError } from './jira-request-error';

export interface JiraRetryOptions {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Ceiling of the first backoff after a 5xx or a lost connection; it doubles with every attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest `Retry-After` waited for in place. A longer one fails the call at once (retryable, with
   * `retryAfterMs`), so the queue can reschedule the job instead of a worker sleeping.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_JIRA_RETRY: JiraRetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

/** Jitter added to a `Retry-After`: throttled workers must not all return in the same millisecond. */
function retryAfterJitterMs(waitMs: number): number {
  return Math.random() * Math.max(250, waitMs * 0.2);
}

function delayMs(context: IRetryBackoffContext<unknown>, options: JiraRetryOptions): number {
  const error = 'error' in context.result ? context.result.error : undefined;
  if (error instanceof JiraRequestError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs + retryAfterJitterMs(error.retryAfterMs);
  }
  // "Equal jitter": at least half the exponential ceiling, so every retry really backs off.
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (context.attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Retries a call on throttling, Jira's 5xx, timeouts and lost connections. A call that is not `idempotent`
 * (creating an issue, a comment, a transition) is resent only when Jira cannot have acted on it: resending
 * after a timeout or a 5xx could create a second issue. Such a failure reaches the caller, whose retry first
 * searches for what the lost call may have created.
 */
export function jiraRetryPolicy(options: JiraRetryOptions, idempotent: boolean): RetryPolicy {
  const worthRetrying = (error: Error) =>
    error instanceof JiraRequestError &&
    error.retryable &&
    (idempotent || error.unsent) &&
    (error.retryAfterMs ?? 0) <= options.maxRetryAfterMs;
  return (
    retry(handleWhen(worthRetrying), {
      maxAttempts: options.maxAttempts - 1,
      backoff: new DelegateBackoff((context) => delayMs(context, options)),
    })
      // cockatiel's waits ignore the abort signal: a wait the caller abandoned must not hold the process up
      // (on shutdown, say). The API and the worker always hold other handles while a call is pending.
      .dangerouslyUnref()
  );
}
