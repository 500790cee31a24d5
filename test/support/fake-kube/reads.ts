import type { Authentication } from './authentication';
import { groupVersion, type ServedResource } from './built-in-resources';
import type { FaultInjector } from './faults';
import { negotiate, PARTIAL_OBJECT_METADATA_GROUP_VERSION, partialObjectMetadata } from './media-type';
import type { ObjectStore } from './object-store';
import { type ContinuePosition, decodeContinue, inconsistentContinue, listPage, type Page } from './paging';
import {
  type Answer,
  badRequest,
  continueExpired,
  forbidden,
  internalError,
  jsonAnswer,
  notAcceptable,
  objectNotFound,
  tooManyRequests,
} from './status';

export interface ReadContext {
  store: ObjectStore;
  faults: FaultInjector;
  authentication: Authentication;
}

/** Query parameters whose meaning the fake does not model: refused, so no test passes by their being ignored. */
const UNMODELLED_PARAMETERS = [
  'labelSelector',
  'fieldSelector',
  'watch',
  'resourceVersion',
  'resourceVersionMatch',
  'sendInitialEvents',
];

const PARTIAL_LIST_CONTENT_TYPE = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const PARTIAL_CONTENT_TYPE = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

/** GET of a collection: authorization, injected faults, then one page of the consistent snapshot. */
export function answerList(
  context: ReadContext,
  resource: ServedResource,
  namespace: string | undefined,
  query: URLSearchParams,
  accept: string | undefined,
): Answer {
  const { store, faults } = context;
  if (faults.isForbidden(resource)) {
    return forbidden(resource, 'list', context.authentication.user, { namespace });
  }
  const injected = injectedFailure(faults);
  if (injected) {
    return injected;
  }
  const parameters = listParameters(query);
  if ('invalid' in parameters) {
    return badRequest(parameters.invalid);
  }
  if (parameters.position && faults.takeExpiredContinue(resource)) {
    return continueExpired(inconsistentContinue(parameters.position));
  }
  const representation = negotiate(accept, true);
  if (representation === 'notAcceptable') {
    return notAcceptable(`none of the media types in Accept is served for a list: ${accept}`);
  }
  const objects = store.of(resource);
  const page = listPage(
    objects,
    objects.scope(namespace),
    store.resourceVersion,
    parameters.limit,
    parameters.position,
  );
  return representation === 'partialObjectMetadata' ? partialListAnswer(page) : listAnswer(resource, page);
}

/** GET of one object by name. */
export function answerGet(
  context: ReadContext,
  resource: ServedResource,
  namespace: string | undefined,
  name: string,
  accept: string | undefined,
): Answer {
  if (context.faults.isForbidden(resource)) {
    return forbidden(resource, 'get', context.authentication.user, { namespace, name });
  }
  const object = context.store.of(resource).find(name, namespace);
  if (!object) {
    return objectNotFound(resource, name);
  }
  const representation = negotiate(accept, false);
  if (representation === 'notAcceptable') {
    return notAcceptable(`none of the media types in Accept is served for an object: ${accept}`);
  }
  if (representation === 'partialObjectMetadata') {
    return {
      ...jsonAnswer(200, partialObjectMetadata(object)),
      contentType: PARTIAL_CONTENT_TYPE,
      partialObjectMetadata: true,
    };
  }
  return jsonAnswer(200, object);
}

export function injectedFailure(faults: FaultInjector): Answer | undefined {
  switch (faults.drawError()) {
    case 429:
      return tooManyRequests(faults.retryAfterSeconds);
    case 500:
      return internalError();
    case undefined:
      return undefined;
  }
}

type ListParameters =
  | { limit: number | undefined; position: ContinuePosition | undefined }
  | { invalid: string };

function listParameters(query: URLSearchParams): ListParameters {
  const unmodelled = UNMODELLED_PARAMETERS.find((parameter) => query.has(parameter));
  if (unmodelled) {
    return { invalid: `fake-kube does not implement the ${unmodelled} parameter` };
  }
  const limitText = query.get('limit');
  const limit = limitText === null ? undefined : Number(limitText);
  if (limit !== undefined && !Number.isInteger(limit)) {
    return { invalid: `invalid limit: ${limitText}` };
  }
  const token = query.get('continue');
  const position = token ? decodeContinue(token) : undefined;
  if (token && !position) {
    return { invalid: 'continue key is not valid: the token was not issued by this server' };
  }
  return { limit: limit !== undefined && limit > 0 ? limit : undefined, position };
}

function listMetadata(page: Page): object {
  return {
    resourceVersion: String(page.resourceVersion),
    ...(page.continueToken !== undefined && {
      continue: page.continueToken,
      remainingItemCount: page.remainingItemCount,
    }),
  };
}

function listAnswer(resource: ServedResource, page: Page): Answer {
  return jsonAnswer(200, {
    kind: `${resource.kind}List`,
    apiVersion: groupVersion(resource),
    metadata: listMetadata(page),
    items: page.items,
  });
}

function partialListAnswer(page: Page): Answer {
  const list = {
    kind: 'PartialObjectMetadataList',
    apiVersion: PARTIAL_OBJECT_METADATA_GROUP_VERSION,
    metadata: listMetadata(page),
    items: (page.items as { metadata?: unknown }[]).map(partialObjectMetadata),
  };
  return { ...jsonAnswer(200, list), contentType: PARTIAL_LIST_CONTENT_TYPE, partialObjectMetadata: true };
}
