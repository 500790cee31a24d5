import type { KubeObject } from '../../engine/kube-types';

/** Markers distributions leave in the server's gitVersion, e.g. `v1.29.4-eks-036c24b`, `v1.30.2+k3s1`. */
const VERSION_MARKERS: readonly [RegExp, string][] = [
  [/-eks-/, 'EKS'],
  [/-gke\./, 'GKE'],
  [/\+k3s/, 'k3s'],
  [/\+rke2/, 'RKE2'],
];

/** API groups only one distribution serves. */
const GROUP_MARKERS: readonly [string, string][] = [
  ['config.openshift.io', 'OpenShift'],
  ['route.openshift.io', 'OpenShift'],
];

/** Node provider ids (`spec.providerID`), e.g. `azure:///subscriptions/...`. */
const PROVIDER_MARKERS: readonly [string, string][] = [
  ['azure://', 'AKS'],
  ['aws://', 'EKS'],
  ['gce://', 'GKE'],
  ['k3s://', 'k3s'],
];

/**
 * The platforms the server's answers point to, most specific first; empty when nothing is recognisable.
 * Hints, not facts: a self-managed cluster on AWS also has `aws://` provider ids.
 */
export function platformHints(
  gitVersion: string | undefined,
  groups: ReadonlySet<string>,
  nodes: readonly KubeObject[] = [],
): string[] {
  const hints = new Set<string>();
  for (const [group, platform] of GROUP_MARKERS) {
    if (groups.has(group)) {
      hints.add(platform);
    }
  }
  for (const [marker, platform] of VERSION_MARKERS) {
    if (gitVersion && marker.test(gitVersion)) {
      hints.add(platform);
    }
  }
  for (const node of nodes) {
    const providerId = (node['spec'] as { providerID?: unknown } | undefined)?.providerID;
    for (const [prefix, platform] of PROVIDER_MARKERS) {
      if (typeof providerId === 'string' && providerId.startsWith(prefix)) {
        hints.add(platform);
      }
    }
  }
  return [...hints];
}
