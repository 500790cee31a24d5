import { objectCheck } from '../../check';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { CONTAINER_RUNTIMES } from './data/container-runtimes';
import {
  compareLines,
  hasEnded,
  kubernetesEndOfLife,
  lineOf,
  NODE,
  nodeInfoOf,
  nodeInfoPath,
  nodesPrecondition,
  parseVersion,
  type Version,
} from './support';

/** When a containerd release reached end of life, if it has by the data's date. */
function containerdEndOfLife(version: Version): string | undefined {
  const releases = CONTAINER_RUNTIMES.containerd;
  const first = parseVersion(releases[0]?.release);
  if (first && compareLines(version, first) < 0) {
    return `before ${releases[0]?.endOfLife ?? ''}`;
  }
  const release = releases.find((entry) => entry.release === lineOf(version));
  return release && hasEnded(release.endOfLife, CONTAINER_RUNTIMES.asOf)
    ? `on ${release.endOfLife}`
    : undefined;
}

/** Why the runtime is out of support, if it is; unknown runtimes and versions are not judged. */
function outdatedBecause(runtime: string, written: string): string | undefined {
  const version = parseVersion(written);
  switch (runtime) {
    case 'docker':
      return (
        `Docker Engine is run through dockershim, removed in Kubernetes ${CONTAINER_RUNTIMES.dockershimRemovedIn}, ` +
        'or the third-party cri-dockerd adapter'
      );
    case 'containerd': {
      const endOfLife = version && containerdEndOfLife(version);
      return endOfLife && `containerd ${lineOf(version)} reached end of life ${endOfLife}`;
    }
    case 'cri-o': {
      // CRI-O minors follow Kubernetes minors and their support window.
      const endOfLife = version && kubernetesEndOfLife(version);
      return (
        endOfLife &&
        `CRI-O ${lineOf(version)} reached end of life with Kubernetes ${lineOf(version)} (${endOfLife})`
      );
    }
    default:
      return undefined;
  }
}

function runtimeOf(node: KubeObject): { runtime: string; written: string; full: string } | undefined {
  const full = nodeInfoOf(node, 'containerRuntimeVersion');
  const match = full ? /^([a-z0-9.-]+):\/\/(.+)$/i.exec(full) : null;
  return full && match ? { runtime: match[1]!.toLowerCase(), written: match[2]!, full } : undefined;
}

export const nodeContainerRuntimeOutdated = objectCheck(
  {
    id: 'node-container-runtime-outdated',
    title: 'Node container runtime is out of support',
    rationale:
      'The container runtime and the runc it drives create every container on the node. Escapes such as ' +
      'CVE-2024-21626 (runc) or CVE-2022-23648 (containerd) are fixed only in supported releases; an ' +
      'unsupported runtime keeps the next one open.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Distribute,
    principles: [Principle.Isolation],
    references: {
      nsa: ['upgrading'],
      mitre: ['T1611'],
      kubescape: ['C-0087'],
    },
    remediation: {
      text:
        'Move the node to a current node image with a supported containerd or CRI-O (CRI-O matching the ' +
        'Kubernetes minor); replace Docker Engine with containerd.',
      patch: [
        '# the Node after the runtime upgrade',
        'status:',
        '  nodeInfo:',
        '    containerRuntimeVersion: containerd://2.2.0',
      ].join('\n'),
    },
  },
  { kinds: [NODE], precondition: nodesPrecondition },
  (node) => {
    const runtime = runtimeOf(node);
    const reason = runtime && outdatedBecause(runtime.runtime, runtime.written);
    if (!runtime || !reason) {
      return undefined;
    }
    return {
      message: `Node ${node.metadata.name ?? ''} runs ${runtime.full}: ${reason}`,
      path: nodeInfoPath('containerRuntimeVersion'),
      value: runtime.full,
    };
  },
);
