import type { KubeObject } from '../kube-types';
import { apiGroup } from '../finding';
import type { ObjectSource } from './object-source';
import { toWorkload, type Workload, WORKLOAD_KINDS } from './workloads';

export interface SourcedObject {
  object: KubeObject;
  source?: ObjectSource;
}

/** A kind the collector could not read, and why. Checks that need it are not evaluated. */
export interface CoverageGap {
  kind: string;
  reason: string;
}

export interface ClusterInfo {
  /** Kubernetes server version, e.g. `v1.29.4`, when the source knows it. */
  version?: string;
  platform?: string;
}

export interface InventoryInput {
  objects: Iterable<SourcedObject>;
  cluster?: ClusterInfo;
  coverageGaps?: readonly CoverageGap[];
}

const NO_OBJECTS: readonly KubeObject[] = Object.freeze([]);

/**
 * Kubernetes objects from any source, indexed by kind and namespace, with pod templates extracted.
 * Plain data: built once per scan and read by every check.
 */
export class Inventory {
  readonly cluster: ClusterInfo;
  readonly coverageGaps: readonly CoverageGap[];
  /** Pod templates, each reported once on the top-most controller present (a Deployment, not its ReplicaSets and pods). */
  readonly workloads: readonly Workload[];
  private readonly byKind = new Map<string, KubeObject[]>();
  private readonly byKindAndNamespace = new Map<string, KubeObject[]>();
  /** Keyed by API group too: a Calico and a Kubernetes NetworkPolicy may share a name. */
  private readonly byIdentity = new Map<string, KubeObject>();
  private readonly byName = new Map<string, KubeObject>();
  private readonly sources = new WeakMap<KubeObject, ObjectSource>();
  private readonly gapsByKind: Map<string, string>;

  constructor(input: InventoryInput) {
    this.cluster = input.cluster ?? {};
    this.coverageGaps = input.coverageGaps ?? [];
    this.gapsByKind = new Map(this.coverageGaps.map((gap) => [gap.kind, gap.reason]));
    for (const { object, source } of input.objects) {
      this.add(object, source);
    }
    this.workloads = this.extractWorkloads();
  }

  get size(): number {
    return this.byIdentity.size;
  }

  objects(kind: string): readonly KubeObject[] {
    return this.byKind.get(kind) ?? NO_OBJECTS;
  }

  inNamespace(kind: string, namespace: string | undefined): readonly KubeObject[] {
    return this.byKindAndNamespace.get(`${kind}/${namespace ?? ''}`) ?? NO_OBJECTS;
  }

  /** The object of this kind, namespace and name (the first listed, when several API groups use the kind). */
  get(kind: string, namespace: string | undefined, name: string | undefined): KubeObject | undefined {
    return name === undefined ? undefined : this.byName.get(nameKey(kind, namespace, name));
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  sourceOf(object: KubeObject): ObjectSource | undefined {
    return this.sources.get(object);
  }

  /** Why a kind could not be read; undefined when it was read (possibly with no objects). */
  unavailable(kind: string): string | undefined {
    return this.gapsByKind.get(kind);
  }

  private add(object: KubeObject, source: ObjectSource | undefined): void {
    const namespace = object.metadata.namespace;
    const name = object.metadata.name ?? object.metadata.generateName ?? '';
    const key = `${apiGroup(object.apiVersion)}/${nameKey(object.kind, namespace, name)}`;
    if (this.byIdentity.has(key)) {
      // The same object listed twice (overlapping files or list dumps): keep the first.
      return;
    }
    this.byIdentity.set(key, object);
    if (!this.byName.has(nameKey(object.kind, namespace, name))) {
      this.byName.set(nameKey(object.kind, namespace, name), object);
    }
    push(this.byKind, object.kind, object);
    push(this.byKindAndNamespace, `${object.kind}/${namespace ?? ''}`, object);
    if (source) {
      this.sources.set(object, source);
    }
  }

  private extractWorkloads(): Workload[] {
    const workloadUids = new Set<string>();
    for (const object of this.byIdentity.values()) {
      if (object.metadata.uid && WORKLOAD_KINDS.includes(object.kind)) {
        workloadUids.add(object.metadata.uid);
      }
    }
    const workloads: Workload[] = [];
    for (const object of this.byIdentity.values()) {
      if (this.hasWorkloadController(object, workloadUids)) {
        continue;
      }
      const workload = toWorkload(object);
      if (workload) {
        workloads.push(workload);
      }
    }
    return workloads;
  }

  /**
   * Whether a workload controller in the inventory owns this object, so findings belong on the controller.
   * An owner that is not a workload (an operator's custom resource) has no pod template: the object stays.
   */
  private hasWorkloadController(object: KubeObject, workloadUids: Set<string>): boolean {
    const owners = object.metadata.ownerReferences;
    if (!Array.isArray(owners)) {
      return false;
    }
    return owners.some(
      (owner) =>
        owner?.controller === true &&
        ((owner.uid !== undefined && workloadUids.has(owner.uid)) ||
          (owner.kind !== undefined &&
            WORKLOAD_KINDS.includes(owner.kind) &&
            this.get(owner.kind, object.metadata.namespace, owner.name) !== undefined)),
    );
  }
}

function nameKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
