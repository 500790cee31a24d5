import { containerCheck } from '../../check';
import { securityContextOf } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';

export const procMountUnmasked = containerCheck(
  {
    id: 'proc-mount-unmasked',
    title: 'Container unmasks /proc',
    rationale:
      'The runtime masks and makes read-only the parts of /proc that expose or control the node kernel ' +
      '(/proc/kcore, /proc/sysrq-trigger, /proc/sys and others). Any procMount other than Default removes those ' +
      'masks and hands the container direct reach into host kernel interfaces.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      mitre: ['T1611'],
      polaris: ['procMount'],
    },
    remediation: {
      text: 'Remove `procMount` from the security context or set it to `Default`.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        procMount: Default',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const procMount = securityContextOf(view.container).procMount;
    if (procMount === undefined || procMount === null || procMount === 'Default') {
      return undefined;
    }
    return {
      message: `Container ${view.name} mounts /proc with procMount ${String(procMount)}, without the runtime's masks`,
      path: `${view.path}.securityContext.procMount`,
      value: procMount,
    };
  },
);
