import { Layer, Phase, Principle, Severity } from '../../model';
import { missingResourceCheck, ResourceBound, ResourceName } from './support/resources';

export const memoryLimitsMissing = missingResourceCheck(
  {
    id: 'memory-limits-missing',
    title: 'Container has no memory limit',
    rationale:
      'A container without a memory limit can grow until its node runs out of memory. The kernel and the ' +
      "kubelet then kill or evict processes on that node, often other tenants' pods rather than the culprit, " +
      'so one leaking or compromised workload becomes a denial of service for everything next to it.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Develop,
    principles: [Principle.Isolation],
    references: {
      nsa: ['network/resource-policies'],
      mitre: ['T1499'],
      polaris: ['memoryLimitsMissing'],
      kubescape: ['C-0271', 'C-0009'],
    },
    remediation: {
      text:
        'Set `resources.limits.memory` to the most memory the container may use, or give the namespace a ' +
        'LimitRange with a default memory limit.',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      resources:',
        '        limits:',
        '          memory: 512Mi',
      ].join('\n'),
    },
  },
  ResourceBound.Limits,
  ResourceName.Memory,
);
