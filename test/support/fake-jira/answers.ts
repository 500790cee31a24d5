/** An HTTP answer of the fake: status code, body text, extra headers. */
export interface Answer {
  code: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function jsonAnswer(code: number, body: unknown, headers?: Record<string, string>): Answer {
  return { code, body: JSON.stringify(body), ...(headers && { headers }) };
}

export function noContent(): Answer {
  return { code: 204, body: '' };
}

/** Jira's error body: messages about the request, and messages by field. */
export function errorCollection(
  code: number,
  errorMessages: string[],
  errors: Record<string, string> = {},
  headers?: Record<string, string>,
): Answer {
  return jsonAnswer(code, { errorMessages, errors }, headers);
}

/** A 400 naming what is wrong with each field, as create and edit answer. */
export function fieldErrors(errors: Record<string, string>): Answer {
  return errorCollection(400, [], errors);
}

export function issueNotFound(): Answer {
  return errorCollection(404, ['Issue does not exist or you do not have permission to see it.']);
}

/**
 * Bad credentials are turned away before Jira proper with a text body; a request without any reaches
 * Jira as the anonymous user, which may not do anything here.
 */
export function unauthorized(credentialsPresented: boolean, realm: string): Answer {
  const headers = {
    'WWW-Authenticate': `OAuth realm="${encodeURIComponent(realm)}"`,
    'X-Seraph-LoginReason': credentialsPresented ? 'AUTHENTICATED_FAILED' : 'AUTHENTICATION_DENIED',
  };
  return credentialsPresented
    ? {
        code: 401,
        body: 'Client must be authenticated to access this resource.',
        contentType: 'text/plain;charset=UTF-8',
        headers,
      }
    : errorCollection(
        401,
        ['You are not authenticated. Authentication required to perform this operation.'],
        {},
        headers,
      );
}

/** Jira's burst limit: `Retry-After` in seconds and the reset time, minute precision, UTC. */
export function tooManyRequests(retryAfterSeconds: number, now: Date): Answer {
  const reset = new Date(now.getTime() + retryAfterSeconds * 1000).toISOString().slice(0, 16) + 'Z';
  return errorCollection(
    429,
    ['Rate limit exceeded.'],
    {},
    {
      'Retry-After': String(retryAfterSeconds),
      'X-RateLimit-Limit': '100',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': reset,
      'RateLimit-Reason': 'jira-burst-based',
    },
  );
}

export function injectedFailure(code: number): Answer {
  return errorCollection(code, [`Injected failure: HTTP ${code}.`]);
}

export function pathNotFound(): Answer {
  return errorCollection(404, ['The requested resource could not be found.']);
}

export function methodNotAllowed(): Answer {
  return { code: 405, body: '' };
}

export function badJson(): Answer {
  return errorCollection(400, ['Unexpected character in the request body: it is not valid JSON.']);
}
