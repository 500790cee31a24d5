import { containerCheck } from '../../check';
import { securityContextOf } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isWindowsPod } from './support/pod';

export const containerRootFilesystemWritable = containerCheck(
  {
    id: 'container-root-filesystem-writable',
    title: 'Container root filesystem is writable',
    rationale:
      'With a writable root filesystem an attacker can drop tools, replace binaries or plant persistence inside ' +
      'the running container. A read-only root, with emptyDir volumes only where the application must write, ' +
      'keeps the container as it was built. The setting exists only per container; a pod-level value is ignored ' +
      'by Kubernetes.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      nsa: ['pod-security/immutable-filesystem'],
      polaris: ['notReadOnlyRootFilesystem'],
      kubescape: ['C-0017'],
    },
    remediation: {
      text:
        'Set `readOnlyRootFilesystem: true` on every container and mount an emptyDir at the paths the ' +
        'application writes to (for example /tmp).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        readOnlyRootFilesystem: true',
        '      volumeMounts:',
        '        - name: tmp',
        '          mountPath: /tmp',
        '  volumes:',
        '    - name: tmp',
        '      emptyDir: {}',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    const readOnly = securityContextOf(view.container).readOnlyRootFilesystem;
    if (readOnly === true) {
      return undefined;
    }
    const path = `${view.path}.securityContext.readOnlyRootFilesystem`;
    if (readOnly === undefined || readOnly === null) {
      return { message: `Container ${view.name} does not set readOnlyRootFilesystem: true`, path };
    }
    return { message: `Container ${view.name} has a writable root filesystem`, path, value: readOnly };
  },
);
