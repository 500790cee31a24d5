/**
 * End of life of container runtime releases, matched against a Node's `status.nodeInfo.containerRuntimeVersion`.
 *
 * Sources: github.com/containerd/containerd RELEASES.md ("Current State of containerd Releases"; dates marked
 * tentative there are left out, so those releases are not judged), kubernetes.io dockershim removal (1.24).
 * CRI-O minors follow Kubernetes minors and share their end of life (cri-o.io, kubernetes-releases.ts).
 *
 * The engine has no clock: releases are judged as of `asOf` (see kubernetes-releases.ts).
 */
export const CONTAINER_RUNTIMES = {
  asOf: '2026-11-27',
  /** containerd releases older than the first entry are long past end of life. */
  containerd: [
    { release: '1.5', endOfLife: '2023-02-28' },
    { release: '1.6', endOfLife: '2025-07-23' },
    { release: '1.7', endOfLife: '2026-03-10' },
    { release: '2.0', endOfLife: '2025-11-07' },
  ],
  /** Docker Engine was run through the kubelet's dockershim, removed in Kubernetes 1.24. */
  dockershimRemovedIn: '1.24',
} as const;
