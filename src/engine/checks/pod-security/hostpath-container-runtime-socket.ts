import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { type HostPathVolume, hostPathVolumes, isSameOrUnder } from './support/host-paths';

/** Socket file names of the container runtimes and their CRI shims, wherever a distribution puts them. */
const SOCKET_NAMES = new Set([
  'docker.sock',
  'containerd.sock',
  'crio.sock',
  'cri-dockerd.sock',
  'dockershim.sock',
  'podman.sock',
]);

/** Runtime directories holding those sockets, and the default socket files (`/var/run` is folded into `/run`). */
const RUNTIME_LOCATIONS = [
  '/run/containerd',
  '/run/crio',
  '/run/docker',
  '/run/podman',
  '/run/k3s/containerd',
  '/run/docker.sock',
  '/run/cri-dockerd.sock',
  '/run/dockershim.sock',
];

const WINDOWS_PIPE = /pipe[\\/](docker_engine|containerd-containerd)$/i;

/** Which runtime socket location a hostPath exposes: the socket itself, a directory under or above one. */
function exposedRuntimeLocation(volume: HostPathVolume): string | undefined {
  if (WINDOWS_PIPE.test(volume.path)) {
    return volume.path;
  }
  const path = volume.normalizedPath;
  if (path === undefined) {
    return undefined;
  }
  if (SOCKET_NAMES.has(path.slice(path.lastIndexOf('/') + 1))) {
    return path;
  }
  return RUNTIME_LOCATIONS.find((location) => isSameOrUnder(path, location) || isSameOrUnder(location, path));
}

export const hostpathContainerRuntimeSocket = workloadCheck(
  {
    id: 'hostpath-container-runtime-socket',
    title: 'Pod mounts the container runtime socket',
    rationale:
      "Whoever can talk to the container runtime's socket (Docker, containerd, CRI-O) can start a privileged " +
      'container with the host filesystem mounted, exec into any container on the node and read their secrets, ' +
      'all outside Kubernetes admission and audit. Mounting the socket, or a directory that contains it, is ' +
      'root on the node.',
    severity: Severity.Critical,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation, Principle.LeastPrivilege],
    references: {
      mitre: ['T1611', 'T1609', 'T1610'],
      kubescape: ['C-0074'],
    },
    remediation: {
      text:
        'Remove the volume. Build images with a daemonless builder (BuildKit rootless, kaniko) and read ' +
        'container data through the Kubernetes API or a dedicated, reviewed node agent.',
      patch: ['spec:', '  volumes:', '    - name: workspace', '      emptyDir: {}'].join('\n'),
    },
  },
  {},
  (workload) =>
    hostPathVolumes(workload).flatMap((volume) => {
      const location = exposedRuntimeLocation(volume);
      if (location === undefined) {
        return [];
      }
      const scope =
        volume.normalizedPath === location || volume.path === location ? '' : ` (it reaches ${location})`;
      return [
        {
          message: `The pod mounts the node path ${volume.path}${scope}, giving it the container runtime's API`,
          path: volume.evidencePath,
          value: volume.path,
          detail: volume.name,
        },
      ];
    }),
);
