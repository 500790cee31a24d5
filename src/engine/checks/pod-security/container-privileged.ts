import { containerCheck } from '../../check';
import { securityContextOf } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';

export const containerPrivileged = containerCheck(
  {
    id: 'container-privileged',
    title: 'Container runs privileged',
    rationale:
      'A privileged container gets every capability and all host devices, and is not confined by seccomp or ' +
      'AppArmor: a compromise of the application is a compromise of the node.',
    severity: Severity.Critical,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation, Principle.LeastPrivilege],
    references: {
      cis: ['5.2.2'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1611'],
      polaris: ['runAsPrivileged'],
      kubescape: ['C-0057'],
    },
    remediation: {
      text: 'Remove `privileged: true`. Grant only the specific capabilities the process needs, if any.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      securityContext:',
        '        privileged: false',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) => {
    const privileged = securityContextOf(view.container).privileged;
    if (privileged === true) {
      return {
        message: `Container ${view.name} runs privileged`,
        path: `${view.path}.securityContext.privileged`,
        value: privileged,
      };
    }
    return undefined;
  },
);
