import type { SeededRandom } from './random';
import type { AppNamespace, JsonObject, NodeRef, Owner } from './types';

type Counter = 'podIp' | 'serviceIp' | 'workload';

/** What the generators share while a cluster is built: objects emitted so far, uids of owners, the pod budget. */
export class ClusterState {
  readonly items: JsonObject[] = [];
  readonly nodes: NodeRef[] = [];
  readonly namespaces: AppNamespace[] = [];
  podsLeft: number;
  private readonly counters: Record<Counter, number> = { podIp: 0, serviceIp: 0, workload: 0 };

  constructor(
    readonly random: SeededRandom,
    readonly pods: number,
  ) {
    this.podsLeft = pods;
  }

  /** The counter's current value, then increments it. */
  next(counter: Counter): number {
    return this.counters[counter]++;
  }

  metadata(name: string, namespace?: string, extra: JsonObject = {}): JsonObject {
    return {
      name,
      ...(namespace !== undefined && { namespace }),
      uid: this.random.uid(),
      resourceVersion: String(this.random.int(1000, 99_999_999)),
      creationTimestamp: this.random.timestamp(),
      ...extra,
    };
  }

  push(apiVersion: string, kind: string, metadata: JsonObject, body: JsonObject): Owner {
    this.items.push({ apiVersion, kind, metadata, ...body });
    return { apiVersion, kind, name: metadata['name'] as string, uid: metadata['uid'] as string };
  }
}

export function ownerReference(owner: Owner): JsonObject {
  return { ...owner, controller: true, blockOwnerDeletion: true };
}
