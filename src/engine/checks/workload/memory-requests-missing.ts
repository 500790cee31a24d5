import { Layer, Phase, Principle, Severity } from '../../model';
import { missingResourceCheck, ResourceBound, ResourceName } from './support/resources';

export const memoryRequestsMissing = missingResourceCheck(
  {
    id: 'memory-requests-missing',
    title: 'Container has no memory request',
    rationale:
      'Without a memory request the scheduler reserves no memory for the container, so nodes get ' +
      'overcommitted. When a node runs short, the kubelet evicts pods that use more than they requested ' +
      'first, and a pod that requested nothing is always in that group.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      polaris: ['memoryRequestsMissing'],
      kubescape: ['C-0269'],
    },
    remediation: {
      text:
        'Set `resources.requests.memory` to the working set of the container under normal load, or give the ' +
        'namespace a LimitRange with a default memory request.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      resources:',
        '        requests:',
        '          memory: 256Mi',
      ].join('\n'),
    },
  },
  ResourceBound.Requests,
  ResourceName.Memory,
);
