import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent } from './support/components';
import { profilingViolation } from './support/flag-findings';

export const schedulerProfilingEnabled = componentCheck(
  {
    id: 'scheduler-profiling-enabled',
    title: 'Scheduler serves profiling data',
    rationale:
      'The scheduler exposes `/debug/pprof` unless profiling is switched off. It is attack surface on a control ' +
      'plane component that nobody needs outside a debugging session.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['1.4.1'],
      kubescape: ['C-0151'],
    },
    remediation: {
      text:
        'Start kube-scheduler with `--profiling=false`, or set `enableProfiling: false` in its ' +
        'KubeSchedulerConfiguration when it uses `--config`.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-scheduler',
        '      command:',
        '        - kube-scheduler',
        '        - --profiling=false',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.Scheduler,
  profilingViolation,
);
