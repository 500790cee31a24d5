import type { KubeObject } from '../../engine/kube-types';
import { KubeHttpError, type KubeHttp } from './kube-http';
import type { CollectedResource } from './resources';

/** Objects per page: the API server's own default chunk size for kubectl. */
export const PAGE_SIZE = 500;
/** An expired continue token restarts the list; a server compacting faster than this many restarts is a failure. */
const MAX_LIST_RESTARTS = 3;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

interface ListPage {
  metadata?: { continue?: string };
  items?: KubeObject[];
}

function apiVersionOf(resource: CollectedResource): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

function pathOf(resource: CollectedResource): string {
  return resource.group === ''
    ? `/api/${resource.version}/${resource.plural}`
    : `/apis/${resource.group}/${resource.version}/${resource.plural}`;
}

/**
 * What the checks need of an object as listed: its kind and apiVersion (lists leave them out of items) and
 * nothing of the server's bookkeeping — `managedFields` and the last-applied copy roughly double an object.
 */
function normalize(item: KubeObject, resource: CollectedResource, metadataOnly: boolean): KubeObject {
  if (metadataOnly) {
    // Whatever the server sent (a proxy may ignore the metadata-only Accept header), only metadata is kept:
    // a Secret's values must never reach the inventory.
    item = { metadata: item.metadata } as KubeObject;
  }
  item.apiVersion = apiVersionOf(resource);
  item.kind = resource.kind;
  const metadata = item.metadata as KubeObject['metadata'] & { managedFields?: unknown };
  delete metadata.managedFields;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    delete metadata.annotations[LAST_APPLIED];
  }
  return item;
}

export interface ListOptions {
  /** Ask for metadata only (Secrets): the values are never transferred. */
  metadataOnly?: boolean;
  /** Called after each page with the objects it held. */
  onPage?: (objects: number) => void;
  signal?: AbortSignal;
}

/**
 * Every object of one resource across namespaces, page by page with `limit` and `continue`. When a continue
 * token has expired (410) the list starts again from the beginning, since the pages read so far may
 * belong to a version of the collection that no longer exists.
 */
export async function listResource(
  http: KubeHttp,
  resource: CollectedResource,
  options: ListOptions = {},
): Promise<KubeObject[]> {
  for (let restart = 0; ; restart++) {
    const objects: KubeObject[] = [];
    let token: string | undefined;
    try {
      do {
        options.signal?.throwIfAborted();
        const page = await http.getJson<ListPage>(
          pathOf(resource),
          { limit: String(PAGE_SIZE), continue: token },
          options.metadataOnly ? METADATA_ONLY : undefined,
        );
        const items = page.items ?? [];
        for (const item of items) {
          // An item without metadata is no object a check could name: skipped, not fatal.
          if (item?.metadata) {
            objects.push(normalize(item, resource, options.metadataOnly === true));
          }
        }
        options.onPage?.(items.length);
        token = page.metadata?.continue || undefined;
      } while (token);
      return objects;
    } catch (error) {
      if (!(error instanceof KubeHttpError && error.status === 410 && restart < MAX_LIST_RESTARTS)) {
        throw error;
      }
      options.onPage?.(-objects.length);
    }
  }
}
