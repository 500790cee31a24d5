import type { ServedResource } from './built-in-resources';
import type { ResourceCatalog } from './resource-catalog';
import type { KubeObject } from './types';

const FIRST_RESOURCE_VERSION = 1000;

/** Where a list's objects lie in a resource's sorted arrays, and what their keys are relative to. */
export interface ListScope {
  start: number;
  end: number;
  /** `<namespace>/` for a namespaced list: keys in continue tokens are relative to it, as in etcd. */
  keyPrefix: string;
}

/**
 * The objects of one resource in etcd key order (`namespace/name`, or `name`), kept twice: as stored,
 * for gets, and as list items, built once so that a page is a slice and not a copy.
 */
export class ResourceObjects {
  readonly objects: KubeObject[];
  readonly listItems: unknown[];
  readonly keys: string[];
  private readonly namespaces = new Map<string, ListScope>();

  constructor(resource: ServedResource, objects: KubeObject[]) {
    const keyed = objects.map((object) => ({ key: storageKey(resource, object), object }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.keys = keyed.map(({ key }) => key);
    this.objects = keyed.map(({ object }) => object);
    this.listItems = resource.custom ? this.objects : this.objects.map(withoutTypeMeta);
    this.indexNamespaces(resource);
  }

  scope(namespace?: string): ListScope {
    if (namespace === undefined) {
      return { start: 0, end: this.keys.length, keyPrefix: '' };
    }
    return this.namespaces.get(namespace) ?? { start: 0, end: 0, keyPrefix: `${namespace}/` };
  }

  find(name: string, namespace?: string): KubeObject | undefined {
    const key = namespace === undefined ? name : `${namespace}/${name}`;
    const index = lowerBound(this.keys, key, 0, this.keys.length);
    return this.keys[index] === key ? this.objects[index] : undefined;
  }

  private indexNamespaces(resource: ServedResource): void {
    if (!resource.namespaced) {
      return;
    }
    this.objects.forEach((object, index) => {
      const namespace = object.metadata.namespace as string;
      const scope = this.namespaces.get(namespace);
      if (scope) {
        scope.end = index + 1;
      } else {
        this.namespaces.set(namespace, { start: index, end: index + 1, keyPrefix: `${namespace}/` });
      }
    });
  }
}

/** All objects of the scenario, by resource, and the resource version the cluster is at. */
export class ObjectStore {
  readonly resourceVersion: number;
  private readonly byResource = new Map<ServedResource, ResourceObjects>();

  constructor(catalog: ResourceCatalog, objects: readonly KubeObject[]) {
    const grouped = new Map<ServedResource, KubeObject[]>(
      catalog.resources.map((resource) => [resource, []]),
    );
    let newest = FIRST_RESOURCE_VERSION;
    for (const object of objects) {
      grouped.get(catalog.resourceOf(object))?.push(object);
      newest = Math.max(newest, Number(object.metadata.resourceVersion) || 0);
    }
    for (const [resource, resourceObjects] of grouped) {
      const stored = new ResourceObjects(resource, resourceObjects);
      assertUniqueKeys(resource, stored);
      this.byResource.set(resource, stored);
    }
    this.resourceVersion = newest + 1;
  }

  of(resource: ServedResource): ResourceObjects {
    return this.byResource.get(resource) as ResourceObjects;
  }
}

/** First index in [from, to) whose key is not below `key`. */
export function lowerBound(keys: readonly string[], key: string, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] as string) < key) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function storageKey(resource: ServedResource, object: KubeObject): string {
  const { name, namespace } = object.metadata;
  if (resource.namespaced !== (namespace !== undefined)) {
    const expected = resource.namespaced ? 'needs' : 'must not have';
    throw new Error(`fake-kube: ${object.kind} ${name} ${expected} a metadata.namespace`);
  }
  return namespace === undefined ? name : `${namespace}/${name}`;
}

/** Built-in list items carry no apiVersion/kind on a real API server (kubernetes/kubernetes#3030). */
function withoutTypeMeta(object: KubeObject): unknown {
  return withoutFields(object, ['apiVersion', 'kind']);
}

/** A shallow copy without some top-level fields, built by adding rather than deleting. */
export function withoutFields(object: object, omitted: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(object)) {
    if (!omitted.includes(field)) {
      copy[field] = value;
    }
  }
  return copy;
}

function assertUniqueKeys(resource: ServedResource, objects: ResourceObjects): void {
  const duplicate = objects.keys.find((key, index) => index > 0 && objects.keys[index - 1] === key);
  if (duplicate !== undefined) {
    throw new Error(`fake-kube: two ${resource.plural} named ${duplicate}`);
  }
}
