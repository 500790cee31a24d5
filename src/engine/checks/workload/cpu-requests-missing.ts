import { Layer, Phase, Principle, Severity } from '../../model';
import { missingResourceCheck, ResourceBound, ResourceName } from './support/resources';

export const cpuRequestsMissing = missingResourceCheck(
  {
    id: 'cpu-requests-missing',
    title: 'Container has no CPU request',
    rationale:
      'Without a CPU request the scheduler places the pod as if it needed no CPU, and under contention the ' +
      'container only gets a token share of CPU time: nodes end up overcommitted and the workload is the first ' +
      'to starve when a neighbour gets busy.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      polaris: ['cpuRequestsMissing'],
      kubescape: ['C-0268'],
    },
    remediation: {
      text:
        'Set `resources.requests.cpu` to what the container needs under normal load, or give the namespace a ' +
        'LimitRange with a default CPU request.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      resources:',
        '        requests:',
        '          cpu: 250m',
      ].join('\n'),
    },
  },
  ResourceBound.Requests,
  ResourceName.Cpu,
);
