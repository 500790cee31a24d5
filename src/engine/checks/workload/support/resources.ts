import { type Check, containerCheck, type Violation } from '../../../check';
import { asArray, isRecord } from '../../../inventory/guards';
import type { Inventory } from '../../../inventory/inventory';
import type { ContainerView, Workload } from '../../../inventory/workloads';
import type { CheckMeta } from '../../../model';
import { dig } from './fields';
import { cached } from './inventory-facts';

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
 * A check reporting long-running containers with no effective `resources.<bound>.<resource>`: neither their
 * own, nor a pod-level one, nor a default their namespace's LimitRange applies at admission.
 */
export function missingResourceCheck(meta: CheckMeta, bound: ResourceBound, resource: ResourceName): Check {
  return containerCheck(
    meta,
    { containers: 'long-running', requires: ['LimitRange'] },
    (view, workload, inventory) => missingResource(workload, view, inventory, bound, resource),
  );
}

/** The violation of a container with no effective request or limit for a resource. */
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
