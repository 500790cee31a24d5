import type { ServedResource } from './built-in-resources';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo } from './discovery';
import type { ResourceCatalog } from './resource-catalog';

export type Route =
  | { type: 'discovery'; document: object }
  | { type: 'list'; resource: ServedResource; namespace?: string }
  | { type: 'get'; resource: ServedResource; namespace?: string; name: string }
  | { type: 'accessReview' }
  | { type: 'methodNotAllowed' }
  | { type: 'notFound' };

export interface RouteContext {
  catalog: ResourceCatalog;
  gitVersion: string;
  serverAddress: string;
}

const ACCESS_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

/** Maps a request to what it asks for, on the paths a real API server serves. */
export function route(context: RouteContext, method: string, path: string): Route {
  if (path === ACCESS_REVIEW_PATH) {
    return method === 'POST' ? { type: 'accessReview' } : { type: 'methodNotAllowed' };
  }
  const found = resolve(context, path.split('/').filter(Boolean).map(decodeURIComponent));
  if (found.type !== 'notFound' && method !== 'GET') {
    return { type: 'methodNotAllowed' };
  }
  return found;
}

function resolve(context: RouteContext, segments: string[]): Route {
  const [root, ...rest] = segments;
  if (root === 'version' && rest.length === 0) {
    return discovery(versionInfo(context.gitVersion));
  }
  if (root === 'api') {
    return rest.length === 0 ? discovery(apiVersions(context.serverAddress)) : inGroupVersion(context, rest);
  }
  if (root === 'apis') {
    if (rest.length === 0) {
      return discovery(apiGroupList(context.catalog));
    }
    if (rest.length === 1) {
      return discovery(apiGroup(context.catalog, rest[0] as string));
    }
    const [group, version, ...resourcePath] = rest;
    return inGroupVersion(context, [`${group}/${version}`, ...resourcePath]);
  }
  return { type: 'notFound' };
}

/** `<gv>`, `<gv>/<plural>[/<name>]`, `<gv>/namespaces/<ns>/<plural>[/<name>]`. */
function inGroupVersion(context: RouteContext, [version = '', ...path]: string[]): Route {
  if (path.length === 0) {
    return discovery(apiResourceList(context.catalog, version));
  }
  const namespaced = path[0] === 'namespaces' && path.length >= 3;
  const [plural = '', name, ...subresource] = namespaced ? path.slice(2) : path;
  const resource = context.catalog.resource(version, plural);
  if (!resource || subresource.length > 0 || (namespaced && !resource.namespaced)) {
    return { type: 'notFound' };
  }
  const namespace = namespaced ? path[1] : undefined;
  if (name === undefined) {
    return resource.verbs.includes('list')
      ? { type: 'list', resource, namespace }
      : { type: 'methodNotAllowed' };
  }
  if (resource.namespaced && !namespaced) {
    return { type: 'notFound' };
  }
  return { type: 'get', resource, namespace, name };
}

function discovery(document: object | undefined): Route {
  return document ? { type: 'discovery', document } : { type: 'notFound' };
}
