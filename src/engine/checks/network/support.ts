import { isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import { selects } from '../../inventory/selectors';
import type { Workload } from '../../inventory/workloads';
import type { KubeObject, LabelSelector } from '../../kube-types';

export enum TrafficDirection {
  Ingress = 'Ingress',
  Egress = 'Egress',
}

const DIRECTIONS: readonly string[] = Object.values(TrafficDirection);

const RULES_FIELD: Record<TrafficDirection, string> = {
  [TrafficDirection.Ingress]: 'ingress',
  [TrafficDirection.Egress]: 'egress',
};

/**
 * A Kubernetes NetworkPolicy read once: which pods it selects, which directions it isolates them in, and in
 * which of those it allows some traffic by rule.
 */
export interface PolicyView {
  policy: KubeObject;
  podSelector: unknown;
  isolates: ReadonlySet<TrafficDirection>;
  allowsByRule: ReadonlySet<TrafficDirection>;
}

/**
 * The directions a policy isolates. Without policyTypes the API server implies Ingress, and Egress only when the
 * policy has egress rules; a policy that lists a direction without rules for it denies all of that traffic.
 */
export function isolatedDirections(spec: unknown): Set<TrafficDirection> {
  if (!isRecord(spec)) {
    return new Set();
  }
  const types = spec['policyTypes'];
  if (Array.isArray(types) && types.length > 0) {
    return new Set(types.filter((type): type is TrafficDirection => DIRECTIONS.includes(type as string)));
  }
  if (types !== undefined && types !== null && !Array.isArray(types)) {
    // The API server rejects such a policy: it isolates nothing.
    return new Set();
  }
  const egress = spec['egress'];
  return Array.isArray(egress) && egress.length > 0
    ? new Set([TrafficDirection.Ingress, TrafficDirection.Egress])
    : new Set([TrafficDirection.Ingress]);
}

/**
 * The isolated directions for which a policy declares at least one allow rule. Rules of a direction the policy
 * does not isolate are ignored by the API, so they declare nothing.
 */
export function directionsWithRules(spec: unknown): Set<TrafficDirection> {
  const withRules = new Set<TrafficDirection>();
  for (const direction of isolatedDirections(spec)) {
    const rules = isRecord(spec) ? spec[RULES_FIELD[direction]] : undefined;
    if (Array.isArray(rules) && rules.some(isRecord)) {
      withRules.add(direction);
    }
  }
  return withRules;
}

/** Calico's own `NetworkPolicy` kind shares the name but has another shape; only the Kubernetes API is read here. */
function isKubernetesPolicy(policy: KubeObject): boolean {
  return policy.apiVersion === undefined || /^(?:networking\.k8s\.io|extensions)\//.test(policy.apiVersion);
}

function toView(policy: KubeObject): PolicyView {
  const spec = policy['spec'];
  return {
    policy,
    podSelector: isRecord(spec) ? spec['podSelector'] : undefined,
    isolates: isolatedDirections(spec),
    allowsByRule: directionsWithRules(spec),
  };
}

const policyIndexes = new WeakMap<Inventory, Map<string, readonly PolicyView[]>>();

/** The Kubernetes NetworkPolicies of a namespace, parsed once per inventory. */
export function networkPoliciesIn(
  inventory: Inventory,
  namespace: string | undefined,
): readonly PolicyView[] {
  let index = policyIndexes.get(inventory);
  if (!index) {
    index = new Map();
    policyIndexes.set(inventory, index);
  }
  const key = namespace ?? '';
  let views = index.get(key);
  if (!views) {
    views = inventory.inNamespace('NetworkPolicy', namespace).filter(isKubernetesPolicy).map(toView);
    index.set(key, views);
  }
  return views;
}

/** The NetworkPolicies of the workload's namespace whose pod selector selects its pods. */
export function policiesSelecting(inventory: Inventory, workload: Workload): PolicyView[] {
  const labels = isRecord(workload.podMetadata.labels) ? workload.podMetadata.labels : {};
  return networkPoliciesIn(inventory, workload.object.metadata.namespace).filter((view) =>
    selects(view.podSelector as LabelSelector | undefined, labels),
  );
}

/** The directions in which some NetworkPolicy of the workload's namespace isolates its pods. */
export function directionsIsolating(inventory: Inventory, workload: Workload): Set<TrafficDirection> {
  return new Set(policiesSelecting(inventory, workload).flatMap((view) => [...view.isolates]));
}

/**
 * Evidence of a finding about a workload's pods: the labels policies select on, at `metadata.labels` of a Pod
 * or of the pod template (the value only when they are a map).
 */
export function podLabelsEvidence(workload: Workload): { path: string; value?: unknown } {
  const path =
    workload.specPath === 'spec'
      ? 'metadata.labels'
      : workload.specPath.replace(/\.spec$/, '.metadata.labels');
  const labels = workload.podMetadata.labels;
  return { path, ...(isRecord(labels) && { value: labels }) };
}
