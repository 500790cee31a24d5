import { type ServedResource } from './built-in-resources';

/** An HTTP answer of the fake: status code, JSON text, extra headers. */
export interface Answer {
  code: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Set when the answer is the PartialObjectMetadata(List) the client asked for. */
  partialObjectMetadata?: boolean;
}

export function jsonAnswer(code: number, body: unknown): Answer {
  return { code, body: JSON.stringify(body) };
}

/** A `Status` failure, the body every Kubernetes API error carries. */
export function statusAnswer(
  code: number,
  reason: string,
  message: string,
  extra: { details?: object; metadata?: object; headers?: Record<string, string> } = {},
): Answer {
  const status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: extra.metadata ?? {},
    status: 'Failure',
    message,
    reason,
    ...(extra.details && { details: extra.details }),
    code,
  };
  return { ...jsonAnswer(code, status), ...(extra.headers && { headers: extra.headers }) };
}

/** `pods` for the core group, `deployments.apps` for others, as API messages name resources. */
export function qualifiedName(resource: ServedResource): string {
  return resource.group === '' ? resource.plural : `${resource.plural}.${resource.group}`;
}

function resourceDetails(resource: ServedResource, name?: string): object {
  return {
    ...(name !== undefined && { name }),
    ...(resource.group !== '' && { group: resource.group }),
    kind: resource.plural,
  };
}

export function unauthorized(): Answer {
  return statusAnswer(401, 'Unauthorized', 'Unauthorized');
}

export function forbidden(
  resource: ServedResource,
  verb: 'list' | 'get',
  user: string,
  scope: { namespace?: string; name?: string },
): Answer {
  const subject =
    scope.name === undefined ? qualifiedName(resource) : `${qualifiedName(resource)} "${scope.name}"`;
  const where =
    scope.namespace === undefined ? 'at the cluster scope' : `in the namespace "${scope.namespace}"`;
  const message = `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource.plural}" in API group "${resource.group}" ${where}`;
  return statusAnswer(403, 'Forbidden', message, { details: resourceDetails(resource, scope.name) });
}

export function objectNotFound(resource: ServedResource, name: string): Answer {
  return statusAnswer(404, 'NotFound', `${qualifiedName(resource)} "${name}" not found`, {
    details: resourceDetails(resource, name),
  });
}

export function pathNotFound(): Answer {
  return statusAnswer(404, 'NotFound', 'the server could not find the requested resource');
}

export function methodNotAllowed(): Answer {
  return statusAnswer(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
  );
}

export function badRequest(message: string): Answer {
  return statusAnswer(400, 'BadRequest', message);
}

export function notAcceptable(message: string): Answer {
  return statusAnswer(406, 'NotAcceptable', message);
}

export function tooManyRequests(retryAfterSeconds: number): Answer {
  return statusAnswer(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    details: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** By default the cause an overloaded etcd gives; the fake's own failures name theirs. */
export function internalError(cause = 'etcdserver: request timed out'): Answer {
  return statusAnswer(500, 'InternalError', `Internal error occurred: ${cause}`, {
    details: { causes: [{ message: cause }] },
  });
}

/** What the API server answers once etcd has compacted the revision a continue token points at. */
export function continueExpired(inconsistentContinue: string): Answer {
  const message =
    'The provided continue parameter is too old to display a consistent list result: start the list ' +
    'again, or continue with the token in this Status and accept an inconsistent result.';
  return statusAnswer(410, 'Expired', message, { metadata: { continue: inconsistentContinue } });
}
