import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hostPathVolumes } from './support/host-paths';

export const hostpathVolume = workloadCheck(
  {
    id: 'hostpath-volume',
    title: 'Pod mounts a directory of the node',
    rationale:
      "A hostPath volume gives the pod a window onto the node's filesystem that outlives the pod and is " +
      'shared with whatever else uses that path on the node. Even harmless-looking paths can hold symlinks or ' +
      'data of other workloads; Kubernetes volumes (emptyDir, PVCs, ConfigMaps) cover nearly every legitimate need.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.2.12'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1611'],
      polaris: ['hostPathSet'],
      kubescape: ['C-0048'],
    },
    remediation: {
      text:
        'Replace the hostPath volume with an emptyDir, a PersistentVolumeClaim or a projected volume; keep node ' +
        'mounts to node agents in dedicated namespaces.',
      patch: ['spec:', '  volumes:', '    - name: data', '      emptyDir: {}'].join('\n'),
    },
  },
  {},
  (workload) =>
    hostPathVolumes(workload).map((volume) => ({
      message: `The pod mounts the node path ${volume.path || '(no path)'} as volume ${volume.name}`,
      path: volume.evidencePath,
      ...(volume.path && { value: volume.path }),
      detail: volume.name,
    })),
);
