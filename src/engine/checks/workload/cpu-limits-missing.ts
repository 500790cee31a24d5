import { Layer, Phase, Principle, Severity } from '../../model';
import { missingResourceCheck, ResourceBound, ResourceName } from './support/resources';

export const cpuLimitsMissing = missingResourceCheck(
  {
    id: 'cpu-limits-missing',
    title: 'Container has no CPU limit',
    rationale:
      'Without a CPU limit a container may burn every idle CPU cycle of its node. A runaway or compromised ' +
      'process (a cryptominer is the usual case) then takes the headroom other workloads and node daemons ' +
      'count on for their bursts, and the abuse scales with the size of the node.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      nsa: ['network/resource-policies'],
      mitre: ['T1496'],
      polaris: ['cpuLimitsMissing'],
      kubescape: ['C-0270', 'C-0009'],
    },
    remediation: {
      text:
        'Set `resources.limits.cpu` to the most CPU the container should ever use, or give the namespace a ' +
        'LimitRange with a default CPU limit.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      resources:',
        '        limits:',
        '          cpu: "1"',
      ].join('\n'),
    },
  },
  ResourceBound.Limits,
  ResourceName.Cpu,
);
