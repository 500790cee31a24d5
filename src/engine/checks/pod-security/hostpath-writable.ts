import { containerCheck, type Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hostPathVolumes } from './support/host-paths';

export const hostpathWritable = containerCheck(
  {
    id: 'hostpath-writable',
    title: 'Container can write to a directory of the node',
    rationale:
      'A writable hostPath mount lets a compromised container change files on the node itself: plant binaries ' +
      'or cron jobs, alter kubelet or runtime state, or place symlinks that node services later follow (the ' +
      'known escape through /var/log works this way). Mounting read-only removes most of that.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation, Principle.LeastPrivilege],
    references: {
      mitre: ['T1611'],
      kubescape: ['C-0045'],
    },
    remediation: {
      text: 'Mount the hostPath volume with `readOnly: true`, or replace it with a Kubernetes volume.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      volumeMounts:',
        '        - name: host-logs',
        '          mountPath: /host/var/log',
        '          readOnly: true',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    const volumes = new Map(hostPathVolumes(workload).map((volume) => [volume.name, volume]));
    if (volumes.size === 0) {
      return undefined;
    }
    const reported = new Set<string>();
    const violations: Violation[] = [];
    asArray<unknown>(view.container.volumeMounts).forEach((mount, index) => {
      const name = isRecord(mount) ? mount['name'] : undefined;
      const volume = typeof name === 'string' ? volumes.get(name) : undefined;
      if (!volume || !isRecord(mount) || mount['readOnly'] === true || reported.has(volume.name)) {
        return;
      }
      reported.add(volume.name);
      const mountPath = typeof mount['mountPath'] === 'string' ? ` at ${mount['mountPath']}` : '';
      const readOnly = mount['readOnly'];
      violations.push({
        message: `Container ${view.name} mounts the node path ${volume.path || '(no path)'} writable${mountPath}`,
        path: `${view.path}.volumeMounts[${index}].readOnly`,
        ...(readOnly !== undefined && readOnly !== null && { value: readOnly }),
        detail: volume.name,
      });
    });
    return violations;
  },
);
