import { Layer, Phase, Principle, Severity } from '../../model';
import { componentCheck, ControlPlaneComponent } from './support/components';
import { profilingViolation } from './support/flag-findings';

export const apiserverProfilingEnabled = componentCheck(
  {
    id: 'apiserver-profiling-enabled',
    title: 'API server serves profiling data',
    rationale:
      'Profiling is on unless switched off, and exposes `/debug/pprof` on the API server. The heap and ' +
      'goroutine dumps reveal internals useful to an attacker, and CPU profiling is an easy way to load the ' +
      'control plane; few clusters need it outside a debugging session.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege],
    references: {
      cis: ['1.2.15'],
      kubescape: ['C-0129'],
    },
    remediation: {
      text: 'Start kube-apiserver with `--profiling=false`; switch it on only while debugging.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: kube-apiserver',
        '      command:',
        '        - kube-apiserver',
        '        - --profiling=false',
      ].join('\n'),
    },
    inspectsSystemComponents: true,
  },
  ControlPlaneComponent.ApiServer,
  profilingViolation,
);
