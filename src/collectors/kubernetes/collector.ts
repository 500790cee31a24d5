import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterInfo, CoverageGap } from '../../engine/inventory/inventory';
import type { KubeObject } from '../../engine/kube-types';
import { discover } from './discovery';
import { DEFAULT_KUBE_HTTP_OPTIONS, KubeHttp, KubeHttpError, type KubeHttpOptions } from './kube-http';
import { listResource } from './list-resource';
import { COLLECTED_RESOURCES, type CollectedResource, SECRET_METADATA_RESOURCE } from './resources';
import { platformHints } from './platform';

export interface CollectionProgress {
  resourcesTotal: number;
  resourcesDone: number;
  objects: number;
}

export interface CollectOptions {
  /** Also list Secrets, as metadata only (the client opted in and granted it). */
  secretMetadata?: boolean;
  /** The rows to list; the whole table by default. */
  resources?: readonly CollectedResource[];
  http?: KubeHttpOptions;
  onProgress?: (progress: CollectionProgress) => void;
  /** Stops the collection: requests in flight are aborted and the returned promise rejects. */
  signal?: AbortSignal;
}

export interface Collection {
  objects: KubeObject[];
  coverageGaps: CoverageGap[];
  cluster: ClusterInfo & { platforms: string[] };
}

/** Statuses that mean this resource cannot be read now; the rest of the cluster still can. */
function gapReason(error: unknown): string | undefined {
  if (!(error instanceof KubeHttpError)) {
    return undefined;
  }
  switch (error.status) {
    case 403:
      return 'forbidden (403): the credentials may not list it';
    case 404:
      return 'not served by this API server (404)';
    default:
      return error.status >= 500 ? `the API server kept failing (${error.status})` : undefined;
  }
}

/**
 * Lists every resource the catalog reads from a live cluster, a few resources at a time over the same
 * connections. A resource the credentials may not read becomes a coverage gap, so the checks that needed it are
 * not evaluated rather than passed; bad credentials or an unreachable server fail the collection.
 */
export async function collectCluster(
  kubeConfig: KubeConfig,
  options: CollectOptions = {},
): Promise<Collection> {
  const httpOptions = options.http ?? DEFAULT_KUBE_HTTP_OPTIONS;
  // Stops every list at the first failure, or when the caller stops: no request outlives the collection.
  const stop = new AbortController();
  const forwardStop = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', forwardStop, { once: true });
  const http = await KubeHttp.connect(kubeConfig, httpOptions, stop.signal);
  try {
    const table = [...(options.resources ?? COLLECTED_RESOURCES)];
    const discovery = await discover(http, table);
    const toList = table.flatMap((row) => discovery.served(row) ?? []);
    const planned = options.secretMetadata ? [...toList, SECRET_METADATA_RESOURCE] : toList;
    const progress: CollectionProgress = { resourcesTotal: planned.length, resourcesDone: 0, objects: 0 };
    const listed = new Map<CollectedResource, KubeObject[]>();
    const coverageGaps: CoverageGap[] = [];
    const queue = [...planned];
    const listNext = async (): Promise<void> => {
      for (let resource = queue.shift(); resource; resource = queue.shift()) {
        try {
          listed.set(
            resource,
            await listResource(http, resource, {
              metadataOnly: resource === SECRET_METADATA_RESOURCE,
              signal: stop.signal,
              onPage: (objects) => {
                progress.objects += objects;
                options.onProgress?.({ ...progress });
              },
            }),
          );
        } catch (error) {
          const reason = gapReason(error);
          if (!reason) {
            stop.abort(error);
            throw error;
          }
          coverageGaps.push({ kind: resource.kind, reason });
        }
        progress.resourcesDone++;
        options.onProgress?.({ ...progress });
      }
    };
    const lists = await Promise.allSettled(Array.from({ length: httpOptions.maxSockets }, listNext));
    const failed = lists.find((list): list is PromiseRejectedResult => list.status === 'rejected');
    if (failed) {
      throw options.signal?.aborted ? options.signal.reason : failed.reason;
    }
    // In table order, whatever order the lists finished in: the same cluster gives the same inventory.
    const objects = planned.flatMap((resource) => listed.get(resource) ?? []);
    const nodes = objects.filter((object) => object.kind === 'Node');
    const platforms = platformHints(discovery.version.gitVersion, discovery.groups, nodes);
    return {
      objects,
      coverageGaps: coverageGaps.sort((a, b) => a.kind.localeCompare(b.kind)),
      cluster: {
        ...(discovery.version.gitVersion && { version: discovery.version.gitVersion }),
        ...(platforms[0] && { platform: platforms[0] }),
        platforms,
      },
    };
  } finally {
    options.signal?.removeEventListener('abort', forwardStop);
    http.close();
  }
}
