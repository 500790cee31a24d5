import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { replicaCount } from './support/availability';
import { dig } from './support/fields';

export const hpaMinReplicasBelowTwo = objectCheck(
  {
    id: 'hpa-min-replicas-below-two',
    title: 'HorizontalPodAutoscaler may scale down to one pod',
    rationale:
      'At its floor the workload runs a single pod, and that is when a node drain, an eviction or a crash ' +
      'takes it offline. A floor of two keeps one replica serving while the other is moved or restarted.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['hpaMinAvailability'],
    },
    remediation: {
      text: 'Set `minReplicas` to at least 2.',
      patch: ['spec:', '  minReplicas: 2'].join('\n'),
    },
  },
  { kinds: ['HorizontalPodAutoscaler'] },
  (hpa) => {
    const name = hpa.metadata.name ?? '';
    const declared = dig(hpa, 'spec', 'minReplicas');
    if (declared === undefined || declared === null) {
      // deployment-replicas-below-two reports the defaulted floor on the Deployment it scales; no other check
      // looks at the replicas of other targets, so the floor they inherit is reported here.
      return dig(hpa, 'spec', 'scaleTargetRef', 'kind') === 'Deployment'
        ? undefined
        : {
            message: `HorizontalPodAutoscaler ${name} sets no minReplicas, which defaults to 1`,
            path: 'spec.minReplicas',
          };
    }
    const floor = replicaCount(declared);
    if (floor !== undefined && floor >= 2) {
      return undefined;
    }
    return floor === undefined
      ? {
          message: `HorizontalPodAutoscaler ${name} has a malformed minReplicas`,
          path: 'spec.minReplicas',
          value: declared,
        }
      : {
          message: `HorizontalPodAutoscaler ${name} may scale down to ${floor} pod${floor === 1 ? '' : 's'}`,
          path: 'spec.minReplicas',
          value: declared,
        };
  },
);
