import { isRecord } from '../../../inventory/guards';
import type { Inventory } from '../../../inventory/inventory';
import { selects } from '../../../inventory/selectors';
import type { KubeObject, Labels, LabelSelector } from '../../../kube-types';
import { dig } from './fields';
import { cached, pushTo } from './inventory-facts';

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
