import { objectCheck, type Violation } from '../../check';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import {
  CLUSTER_VERSION_KINDS,
  clusterVersionOf,
  kubernetesEndOfLife,
  lineOf,
  maxKubeletSkew,
  NODE,
  nodeInfoOf,
  nodeInfoPath,
  nodesPrecondition,
  parseVersion,
  type Version,
} from './support';

const PATH = nodeInfoPath('kubeletVersion');

function skewViolation(
  node: KubeObject,
  written: string,
  kubelet: Version,
  inventory: Inventory,
): Violation | undefined {
  const cluster = clusterVersionOf(inventory);
  if (!cluster || cluster.version.major !== kubelet.major) {
    return undefined;
  }
  const behind = cluster.version.minor - kubelet.minor;
  const allowed = maxKubeletSkew(cluster.version);
  if (behind <= allowed) {
    return undefined;
  }
  return {
    message:
      `Node ${node.metadata.name ?? ''} runs kubelet ${written}, ${behind} minors behind Kubernetes ` +
      `${lineOf(cluster.version)} (from ${cluster.source}); at most ${allowed} are supported`,
    path: PATH,
    value: written,
    detail: 'skew',
  };
}

export const kubeletVersionEndOfLife = objectCheck(
  {
    id: 'kubelet-version-end-of-life',
    title: 'Kubelet version is past end of life or too old for the control plane',
    rationale:
      'The kubelet runs as root on every node and decides how containers are isolated. A kubelet whose minor ' +
      'is out of support, or further behind the API server than the skew policy allows, no longer gets ' +
      'security fixes and runs in a combination nobody tests.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Distribute,
    principles: [Principle.Isolation, Principle.Authorization],
    references: {
      nsa: ['upgrading'],
      mitre: ['T1068'],
    },
    remediation: {
      text: 'Upgrade the node (or replace it with one from a current node image) to the control plane minor.',
      patch: ['# the Node after the upgrade', 'status:', '  nodeInfo:', '    kubeletVersion: v1.35.0'].join(
        '\n',
      ),
    },
  },
  { kinds: [NODE], requires: CLUSTER_VERSION_KINDS, precondition: nodesPrecondition },
  (node, inventory) => {
    const written = nodeInfoOf(node, 'kubeletVersion');
    const kubelet = parseVersion(written);
    if (!written || !kubelet) {
      return undefined;
    }
    const violations: Violation[] = [];
    const endOfLife = kubernetesEndOfLife(kubelet);
    if (endOfLife) {
      violations.push({
        message: `Node ${node.metadata.name ?? ''} runs kubelet ${written}, past upstream end of life (${endOfLife})`,
        path: PATH,
        value: written,
        detail: 'end-of-life',
      });
    }
    const skew = skewViolation(node, written, kubelet, inventory);
    return skew ? [...violations, skew] : violations;
  },
);
