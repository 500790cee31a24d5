import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent } from './support/components';
import { profilingViolation } from './support/flag-findings';

export const controllerManagerProfilingEnabled = componentCheck(
  {
    id: 'controller-manager-profiling-enabled',
    title: 'Controller manager serves profiling data',
    rationale:
      'The controller manager holds the service account signing key and runs with broad rights. Its ' +
      '`/debug/pprof` endpoint, on by default, exposes memory and goroutine dumps of that process to anyone ' +
      'authorized to reach it, for no benefit outside a debugging session.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['1.3.2'],
      kubescape: ['C-0145'],
    },
    remediation: {
      text: 'Start kube-controller-manager with `--profiling=false`.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-controller-manager',
        '      command:',
        '        - kube-controller-manager',
        '        - --profiling=false',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ControllerManager,
  profilingViolation,
);
