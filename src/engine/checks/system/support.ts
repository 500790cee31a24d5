import { isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { componentPods, ControlPlaneComponent } from '../control-plane/support/components';
import { KUBERNETES_RELEASES } from './data/kubernetes-releases';

/** A dotted version: Kubernetes (`v1.31.2-eks-1234`), a kernel (`5.10.205-195.amzn2`), a runtime (`1.7.27`). */
export interface Version {
  major: number;
  minor: number;
  patch: number;
}

const VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?/;

export function parseVersion(raw: unknown): Version | undefined {
  const match = typeof raw === 'string' ? VERSION.exec(raw.trim()) : null;
  if (!match) {
    return undefined;
  }
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3] ?? 0) };
}

/** Negative when `a` is older than `b`. */
export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** Negative when the release line of `a` is older than that of `b`; patch versions are ignored. */
export function compareLines(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor;
}

/** `1.31`: the release line of a version. */
export function lineOf(version: Version): string {
  return `${version.major}.${version.minor}`;
}

/**
 * Whether a support window has ended by the data's `asOf` date (ISO dates compare as strings). Checks have no
 * clock: judging against the date the data was written keeps a scan reproducible.
 */
export function hasEnded(endOfLife: string, asOf: string): boolean {
  return endOfLife < asOf;
}

/**
 * When an upstream Kubernetes minor reached end of life, if it has by the data's date: a date, or `before <date>`
 * for minors older than the data lists. Undefined while supported, or when the data does not know the minor.
 */
export function kubernetesEndOfLife(version: Version): string | undefined {
  const { asOf, endOfLife } = KUBERNETES_RELEASES;
  const first = endOfLife[0];
  if (version.major !== 1 || !first) {
    return undefined;
  }
  if (version.minor < first.minor) {
    return `before ${first.endOfLife}`;
  }
  const release = endOfLife.find((entry) => entry.minor === version.minor);
  return release && hasEnded(release.endOfLife, asOf) ? release.endOfLife : undefined;
}

/** How many minors a kubelet may lag behind an API server of this version. */
export function maxKubeletSkew(apiServer: Version): number {
  const rule = KUBERNETES_RELEASES.kubeletSkew.find((entry) => apiServer.minor >= entry.fromApiServerMinor);
  return rule?.maxMinorsBehind ?? 2;
}

export const NODE = 'Node';

export const NO_NODES = 'no Node objects in the inventory (plain manifests carry no node status)';

/** Node checks cannot tell anything from manifests: without Nodes they are not evaluated rather than passed. */
export function nodesPrecondition(inventory: Inventory): string | undefined {
  return inventory.objects(NODE).length > 0 ? undefined : NO_NODES;
}

export type NodeInfoField =
  | 'kubeletVersion'
  | 'kernelVersion'
  | 'osImage'
  | 'containerRuntimeVersion'
  | 'operatingSystem';

/** A field of a Node's `status.nodeInfo`, when it is a non-empty string. */
export function nodeInfoOf(node: KubeObject, field: NodeInfoField): string | undefined {
  const status = node['status'];
  const info = isRecord(status) ? status['nodeInfo'] : undefined;
  const value = isRecord(info) ? info[field] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function nodeInfoPath(field: NodeInfoField): string {
  return `status.nodeInfo.${field}`;
}

export function isWindowsNode(node: KubeObject): boolean {
  const labels = isRecord(node.metadata.labels) ? node.metadata.labels : {};
  return nodeInfoOf(node, 'operatingSystem') === 'windows' || labels['kubernetes.io/os'] === 'windows';
}

/** The Kubernetes version of the cluster and where it was read. */
export interface ClusterVersion {
  version: Version;
  written: string;
  source: string;
}

function fromServer(inventory: Inventory): ClusterVersion | undefined {
  const version = parseVersion(inventory.cluster.version);
  return version && { version, written: inventory.cluster.version ?? '', source: 'the API server' };
}

/** `registry.k8s.io/kube-apiserver:v1.31.2@sha256:...` → `v1.31.2`. */
function imageTag(image: unknown): string | undefined {
  if (typeof image !== 'string') {
    return undefined;
  }
  const reference = image.split('@')[0] ?? '';
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? reference.slice(colon + 1) : undefined;
}

function newest(candidates: ClusterVersion[]): ClusterVersion | undefined {
  return candidates.reduce<ClusterVersion | undefined>(
    (best, candidate) => (!best || compareVersions(candidate.version, best.version) > 0 ? candidate : best),
    undefined,
  );
}

function fromApiServerImages(inventory: Inventory): ClusterVersion | undefined {
  return newest(
    componentPods(inventory, ControlPlaneComponent.ApiServer).flatMap((target) => {
      const written = imageTag(target.container.image);
      const version = parseVersion(written);
      const pod = `${target.pod.metadata.namespace ?? ''}/${target.pod.metadata.name ?? ''}`;
      return version && written ? [{ version, written, source: `the kube-apiserver image of ${pod}` }] : [];
    }),
  );
}

/** The API server is never older than its newest kubelet, so that kubelet is a lower bound of its version. */
function fromNewestKubelet(inventory: Inventory): ClusterVersion | undefined {
  return newest(
    inventory.objects(NODE).flatMap((node) => {
      const written = nodeInfoOf(node, 'kubeletVersion');
      const version = parseVersion(written);
      return version && written
        ? [{ version, written, source: `the newest kubelet (Node ${node.metadata.name ?? ''})` }]
        : [];
    }),
  );
}

const clusterVersions = new WeakMap<Inventory, ClusterVersion | null>();

/** The kinds `clusterVersionOf` falls back on (kube-apiserver pods, then Nodes): checks that call it need them. */
export const CLUSTER_VERSION_KINDS: readonly string[] = ['Pod', NODE];

/**
 * The cluster's Kubernetes version: as the API server reported it, else from the newest kube-apiserver image,
 * else from the newest kubelet. Resolved once per inventory.
 */
export function clusterVersionOf(inventory: Inventory): ClusterVersion | undefined {
  let resolved = clusterVersions.get(inventory);
  if (resolved === undefined) {
    resolved =
      fromServer(inventory) ?? fromApiServerImages(inventory) ?? fromNewestKubelet(inventory) ?? null;
    clusterVersions.set(inventory, resolved);
  }
  return resolved ?? undefined;
}
