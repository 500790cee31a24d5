import type { Inventory } from '../../../inventory/inventory';
import type { KubeObject } from '../../../kube-types';

/** Builds an index once per inventory, so that every target of every check shares it. */
export function cached<T>(cache: WeakMap<Inventory, T>, inventory: Inventory, build: () => T): T {
  if (!cache.has(inventory)) {
    cache.set(inventory, build());
  }
  return cache.get(inventory) as T;
}

export function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

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
