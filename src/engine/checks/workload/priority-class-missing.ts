import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { globalDefaultPriorityClass } from './support/inventory-facts';

export const priorityClassMissing = workloadCheck(
  {
    id: 'priority-class-missing',
    title: 'Pod names no priority class',
    rationale:
      'A pod without a priority class runs at priority zero unless the cluster defines a global default. ' +
      'When nodes are full the scheduler may preempt it for any pod with a higher priority, including one that ' +
      'a careless team or an attacker creates, and it cannot itself displace less important work.',
    severity: Severity.Info,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['priorityClassNotSet'],
    },
    remediation: {
      text: 'Name a PriorityClass that reflects how important the workload is compared with the rest of the cluster.',
      patch: ['spec:', '  template:', '    spec:', '      priorityClassName: business-critical'].join('\n'),
    },
  },
  { requires: ['PriorityClass'] },
  (workload, inventory) => {
    const priorityClass: unknown = workload.podSpec.priorityClassName;
    // Admission gives pods that name no class the cluster's global default, as a live pod would show.
    if (
      (typeof priorityClass === 'string' && priorityClass !== '') ||
      globalDefaultPriorityClass(inventory)
    ) {
      return undefined;
    }
    return {
      message: `${workload.object.kind} ${workload.object.metadata.name ?? ''} names no priority class`,
      path: `${workload.specPath}.priorityClassName`,
      ...(priorityClass !== undefined && { value: priorityClass }),
    };
  },
);
