import { objectCheck } from '../../check';
import { toWorkload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { pdbsSelecting, scaledToZero } from './support/availability';

export const pdbMissing = objectCheck(
  {
    id: 'pdb-missing',
    title: 'Workload has no PodDisruptionBudget',
    rationale:
      'Without a PodDisruptionBudget nothing stops voluntary disruptions, such as node drains during upgrades ' +
      'or cluster autoscaler scale-downs, from evicting every replica at once. A budget makes the eviction API ' +
      'keep enough pods running while nodes are patched or replaced.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['missingPodDisruptionBudget'],
    },
    remediation: {
      text:
        'Create a PodDisruptionBudget in the same namespace whose selector matches the pod template labels, ' +
        'usually with `maxUnavailable: 1`.',
      patch: [
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata:',
        '  name: web',
        'spec:',
        '  maxUnavailable: 1',
        '  selector:',
        '    matchLabels:',
        '      app: web',
      ].join('\n'),
    },
  },
  { kinds: ['Deployment', 'StatefulSet'], requires: ['PodDisruptionBudget'] },
  (object, inventory) => {
    // Nothing runs, so nothing can be disrupted.
    if (scaledToZero(object)) {
      return undefined;
    }
    const labels = toWorkload(object)?.podMetadata.labels;
    if (pdbsSelecting(inventory, object.metadata.namespace, labels).length > 0) {
      return undefined;
    }
    return {
      message: `${object.kind} ${object.metadata.name ?? ''} has no PodDisruptionBudget selecting its pods`,
      path: 'spec.template.metadata.labels',
      ...(labels !== undefined && { value: labels }),
    };
  },
);
