import type { Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import { selects } from '../../inventory/selectors';
import type { ContainerView, Workload } from '../../inventory/workloads';
import type { Container, KubeObject, LabelSelector, Labels } from '../../kube-types';

/** Reads a nested field of untrusted data; undefined as soon as a step is not a map. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (!isRecord(current)) {
      return undefined;
    }
    current = current[key];
  }
  return current;
}

/** A field value for a message: strings as they are, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Builds an index once per inventory, so that every target of every check shares it. */
function cached<T>(cache: WeakMap<Inventory, T>, inventory: Inventory, build: () => T): T {
  if (!cache.has(inventory)) {
    cache.set(inventory, build());
  }
  return cache.get(inventory) as T;
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

// ---- Images ----

export interface ImageReference {
  /** The registry host (and port) when the reference names one; absent means the runtime's default. */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Splits an image reference the way container runtimes do (`registry:5000/app` is a host with a port, no tag). */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  const path = hasRegistry ? name.slice(slash + 1) : name;
  const colon = path.lastIndexOf(':');
  const tagged = colon > path.lastIndexOf('/') && colon < path.length - 1;
  return {
    ...(hasRegistry && { registry: first }),
    repository: tagged ? path.slice(0, colon) : path,
    ...(tagged && { tag: path.slice(colon + 1) }),
    ...(digest !== undefined && DIGEST.test(digest) && { digest }),
  };
}

/** The container's image reference, or undefined when the field is missing, empty or not a string. */
export function imageOf(container: Container): string | undefined {
  const image: unknown = container.image;
  return typeof image === 'string' && image.trim() !== '' ? image.trim() : undefined;
}

// ---- Probes ----

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** A probe counts only with a handler: the API server rejects an empty probe, so `{}` is no probe at all. */
export function hasProbe(container: Container, field: 'livenessProbe' | 'readinessProbe'): boolean {
  const probe: unknown = container[field];
  return isRecord(probe) && PROBE_HANDLERS.some((handler) => isRecord(probe[handler]));
}

// ---- Compute resources ----

export enum ResourceName {
  Cpu = 'cpu',
  Memory = 'memory',
}

export enum ResourceBound {
  Requests = 'requests',
  Limits = 'limits',
}

/** Where a container lacks a resource value, and the malformed value found there, if any. */
interface ResourceGap {
  path: string;
  value?: unknown;
}

function isQuantity(value: unknown): boolean {
  return (
    (typeof value === 'number' && Number.isFinite(value)) ||
    (typeof value === 'string' && value.trim() !== '')
  );
}

/** A value in `resources`; a request the author left out defaults to the limit, as the API server does. */
function declares(resources: unknown, bound: ResourceBound, resource: ResourceName): boolean {
  return (
    isQuantity(dig(resources, bound, resource)) ||
    (bound === ResourceBound.Requests && isQuantity(dig(resources, ResourceBound.Limits, resource)))
  );
}

/**
 * Reports a container with no effective request or limit for a resource: neither its own, nor a pod-level
 * one, nor a default its namespace's LimitRange applies at admission.
 */
export function missingResource(
  workload: Workload,
  view: ContainerView,
  inventory: Inventory,
  bound: ResourceBound,
  resource: ResourceName,
): Violation | undefined {
  const gap = resourceGap(workload, view, inventory, bound, resource);
  if (!gap) {
    return undefined;
  }
  const what = `${resource === ResourceName.Cpu ? 'CPU' : 'memory'} ${bound === ResourceBound.Limits ? 'limit' : 'request'}`;
  return gap.value === undefined
    ? { message: `Container ${view.name} has no ${what}`, path: gap.path }
    : { message: `Container ${view.name} has a malformed ${what}`, path: gap.path, value: gap.value };
}

function resourceGap(
  workload: Workload,
  view: ContainerView,
  inventory: Inventory,
  bound: ResourceBound,
  resource: ResourceName,
): ResourceGap | undefined {
  const path = `${view.path}.resources.${bound}.${resource}`;
  const own = dig(view.container.resources, bound, resource);
  if (own !== undefined && own !== null) {
    return isQuantity(own) ? undefined : { path, value: own };
  }
  const defaulted =
    declares(view.container.resources, bound, resource) ||
    declares(dig(workload.podSpec, 'resources'), bound, resource) ||
    limitRangeDefaults(inventory, workload.object.metadata.namespace)[bound].has(resource);
  return defaulted ? undefined : { path };
}

type LimitRangeDefaults = Record<ResourceBound, Set<string>>;

const limitRangeCache = new WeakMap<Inventory, Map<string, LimitRangeDefaults>>();

/** Resources a namespace's LimitRanges fill in for containers (a default limit falls back to max, a request to default, max or min). */
function limitRangeDefaults(inventory: Inventory, namespace: string | undefined): LimitRangeDefaults {
  const byNamespace = cached(limitRangeCache, inventory, () => new Map<string, LimitRangeDefaults>());
  const known = byNamespace.get(namespace ?? '');
  if (known) {
    return known;
  }
  const defaults: LimitRangeDefaults = { requests: new Set(), limits: new Set() };
  for (const limitRange of inventory.inNamespace('LimitRange', namespace)) {
    for (const item of asArray<unknown>(dig(limitRange, 'spec', 'limits'))) {
      if (dig(item, 'type') !== 'Container') {
        continue;
      }
      addQuantityKeys(defaults.limits, item, ['default', 'max']);
      addQuantityKeys(defaults.requests, item, ['defaultRequest', 'default', 'max', 'min']);
    }
  }
  byNamespace.set(namespace ?? '', defaults);
  return defaults;
}

function addQuantityKeys(target: Set<string>, item: unknown, fields: string[]): void {
  for (const field of fields) {
    const values = dig(item, field);
    if (isRecord(values)) {
      Object.entries(values)
        .filter(([, value]) => isQuantity(value))
        .forEach(([resource]) => target.add(resource));
    }
  }
}

// ---- Replicas, PodDisruptionBudgets and HorizontalPodAutoscalers ----

export type IntOrPercent = { count: number } | { percent: number };

/** A PDB bound as Kubernetes accepts it: a non-negative integer or an integer percentage string. */
export function intOrPercent(value: unknown): IntOrPercent | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 ? { count: value } : undefined;
  }
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return percent ? { percent: Number(percent[1]) } : undefined;
}

/** An integer replica field as the API server defaults it (1 when absent); undefined when malformed. */
export function replicaCount(value: unknown): number | undefined {
  if (value === undefined || value === null) {
    return 1;
  }
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** A controller deliberately scaled to zero has no pods whose availability could suffer. */
export function scaledToZero(object: KubeObject): boolean {
  return dig(object, 'spec', 'replicas') === 0;
}

const labelKey = (key: string, value: unknown) => `${key}\u0000${String(value)}`;

interface NamespacePdbs {
  /** PDBs under the first pair of their matchLabels: a PDB can only select pods carrying that pair. */
  byLabel: Map<string, KubeObject[]>;
  /** PDBs without matchLabels (expressions only, empty or malformed selectors): always candidates. */
  unkeyed: KubeObject[];
}

const pdbCache = new WeakMap<Inventory, Map<string, NamespacePdbs>>();

function indexPdbs(inventory: Inventory): Map<string, NamespacePdbs> {
  const index = new Map<string, NamespacePdbs>();
  for (const pdb of inventory.objects('PodDisruptionBudget')) {
    const namespace = pdb.metadata.namespace ?? '';
    const entry = index.get(namespace) ?? { byLabel: new Map<string, KubeObject[]>(), unkeyed: [] };
    index.set(namespace, entry);
    const matchLabels = dig(pdb, 'spec', 'selector', 'matchLabels');
    const first = isRecord(matchLabels) ? Object.entries(matchLabels)[0] : undefined;
    if (!first) {
      entry.unkeyed.push(pdb);
      continue;
    }
    pushTo(entry.byLabel, labelKey(...first), pdb);
  }
  return index;
}

/** The PodDisruptionBudgets of a namespace whose selector selects pods with these labels. */
export function pdbsSelecting(
  inventory: Inventory,
  namespace: string | undefined,
  labels: unknown,
): KubeObject[] {
  const entry = cached(pdbCache, inventory, () => indexPdbs(inventory)).get(namespace ?? '');
  if (!entry) {
    return [];
  }
  const actual = (isRecord(labels) ? labels : {}) as Labels;
  const keyed = Object.entries(actual).flatMap(
    ([key, value]) => entry.byLabel.get(labelKey(key, value)) ?? [],
  );
  return [...entry.unkeyed, ...keyed].filter((pdb) => pdbSelects(pdb, actual));
}

function pdbSelects(pdb: KubeObject, labels: Labels): boolean {
  const selector = dig(pdb, 'spec', 'selector');
  // policy/v1beta1 gave an empty selector the opposite meaning: it selected no pods at all.
  if (pdb.apiVersion === 'policy/v1beta1' && isRecord(selector) && isEmptySelector(selector)) {
    return false;
  }
  return selects(selector as LabelSelector | undefined, labels);
}

function isEmptySelector(selector: Record<string, unknown>): boolean {
  const matchLabels = selector['matchLabels'];
  const expressions = selector['matchExpressions'];
  return (
    (!isRecord(matchLabels) || Object.keys(matchLabels).length === 0) &&
    (!Array.isArray(expressions) || expressions.length === 0)
  );
}

const hpaCache = new WeakMap<Inventory, Map<string, KubeObject[]>>();

const targetKey = (namespace: string | undefined, kind: unknown, name: unknown) =>
  `${namespace ?? ''}\u0000${String(kind)}\u0000${String(name)}`;

/** The HorizontalPodAutoscalers whose scaleTargetRef names this object (same namespace, kind and name). */
export function hpasTargeting(inventory: Inventory, object: KubeObject): KubeObject[] {
  const index = cached(hpaCache, inventory, () => {
    const byTarget = new Map<string, KubeObject[]>();
    for (const hpa of inventory.objects('HorizontalPodAutoscaler')) {
      const ref = dig(hpa, 'spec', 'scaleTargetRef');
      pushTo(byTarget, targetKey(hpa.metadata.namespace, dig(ref, 'kind'), dig(ref, 'name')), hpa);
    }
    return byTarget;
  });
  return index.get(targetKey(object.metadata.namespace, object.kind, object.metadata.name)) ?? [];
}

// ---- Inventory-wide facts ----

const topLevelCache = new WeakMap<Inventory, Set<KubeObject>>();

/** Whether the object is the top-most controller of a pod template present in the inventory. */
export function isTopLevelWorkload(inventory: Inventory, object: KubeObject): boolean {
  return cached(topLevelCache, inventory, () => new Set(inventory.workloads.map((w) => w.object))).has(
    object,
  );
}

const defaultPriorityCache = new WeakMap<Inventory, string | undefined>();

/** The PriorityClass admission assigns to pods that name none (`globalDefault: true`), if the cluster has one. */
export function globalDefaultPriorityClass(inventory: Inventory): string | undefined {
  return cached(
    defaultPriorityCache,
    inventory,
    () =>
      inventory.objects('PriorityClass').find((priorityClass) => priorityClass['globalDefault'] === true)
        ?.metadata.name,
  );
}
