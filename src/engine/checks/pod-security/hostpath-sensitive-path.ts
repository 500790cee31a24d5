import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hostPathVolumes, isSameOrUnder } from './support/host-paths';

/**
 * Node paths whose contents are dangerous even read-only: credentials, kernel and device interfaces, or the
 * state of every other container. /var/log is left out on purpose: log collectors need it read-only, reading
 * it exposes logs rather than control of the node, and its known escape needs write access, which
 * hostpath-writable reports.
 */
const SENSITIVE_PATHS: ReadonlyMap<string, string> = new Map([
  ['/etc', 'node configuration and credentials, including kubeconfigs and PKI under /etc/kubernetes'],
  ['/root', "root's credentials and SSH keys"],
  ['/home', "users' credentials and SSH keys"],
  ['/proc', 'every host process and kernel interface'],
  ['/sys', 'kernel and cgroup controls'],
  ['/dev', 'host devices'],
  ['/boot', 'the kernel and boot loader'],
  ['/var/lib/kubelet', "every pod's secrets and volumes and the kubelet's credentials"],
  ['/var/lib/etcd', 'the cluster datastore'],
  ['/var/lib/rancher', 'k3s/RKE2 state, tokens and datastore'],
  ['/var/lib/k0s', 'k0s state, tokens and datastore'],
  ['/var/lib/docker', "every container's filesystem and image"],
  ['/var/lib/containerd', "every container's filesystem and image"],
  ['/var/lib/containers', "every container's filesystem and image"],
]);

/** The sensitive path a node path exposes: itself, a directory it lies in, or one it contains. */
function exposedSensitivePath(path: string): [string, string] | undefined {
  for (const entry of SENSITIVE_PATHS) {
    if (isSameOrUnder(path, entry[0]) || isSameOrUnder(entry[0], path)) {
      return entry;
    }
  }
  return undefined;
}

function describeExposure(path: string, [sensitivePath, contents]: [string, string]): string {
  if (path === '/') {
    return "which is the node's whole filesystem";
  }
  return path === sensitivePath ? `which holds ${contents}` : `which reaches ${sensitivePath}: ${contents}`;
}

export const hostpathSensitivePath = workloadCheck(
  {
    id: 'hostpath-sensitive-path',
    title: 'Pod mounts a sensitive node path',
    rationale:
      'Some node directories hand over the node or the cluster on their own: the root filesystem, /etc with the ' +
      "kubelet's credentials, /var/lib/kubelet with every pod's secrets, /proc, /sys and /dev with kernel and " +
      "device control, the container runtimes' state. Mounting one of them, or a parent directory that " +
      'contains one, is a node compromise waiting to happen, read-only or not.',
    severity: Severity.Critical,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      mitre: ['T1611', 'T1552.001'],
    },
    remediation: {
      text:
        'Remove the volume. If a node agent truly needs the data, mount the narrowest file or directory ' +
        'read-only and run the agent in a dedicated namespace.',
      patch: ['spec:', '  volumes:', '    - name: data', '      emptyDir: {}'].join('\n'),
    },
  },
  {},
  (workload) =>
    hostPathVolumes(workload).flatMap((volume) => {
      const path = volume.normalizedPath;
      const exposed = path === undefined ? undefined : exposedSensitivePath(path);
      if (path === undefined || !exposed) {
        return [];
      }
      return [
        {
          message: `The pod mounts the node path ${volume.path}, ${describeExposure(path, exposed)}`,
          path: volume.evidencePath,
          value: volume.path,
          detail: volume.name,
        },
      ];
    }),
);
