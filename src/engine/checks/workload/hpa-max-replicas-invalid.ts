import { objectCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { replicaCount } from './support/availability';
import { dig } from './support/fields';

export const hpaMaxReplicasInvalid = objectCheck(
  {
    id: 'hpa-max-replicas-invalid',
    title: 'HorizontalPodAutoscaler cannot scale up',
    rationale:
      'An autoscaler whose maximum is missing or not above its minimum cannot add a pod when load rises, so ' +
      'the workload has no headroom for a traffic spike or a flood of requests, although its owners believe ' +
      'it is autoscaled.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['hpaMaxAvailability'],
    },
    remediation: {
      text: 'Set `maxReplicas` above `minReplicas`, to the most pods the workload and its quota can afford.',
      patch: ['spec:', '  minReplicas: 2', '  maxReplicas: 10'].join('\n'),
    },
  },
  { kinds: ['HorizontalPodAutoscaler'] },
  (hpa) => {
    const name = hpa.metadata.name ?? '';
    const declared = dig(hpa, 'spec', 'maxReplicas');
    if (declared === undefined || declared === null) {
      return { message: `HorizontalPodAutoscaler ${name} sets no maxReplicas`, path: 'spec.maxReplicas' };
    }
    if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
      return {
        message: `HorizontalPodAutoscaler ${name} has a malformed maxReplicas`,
        path: 'spec.maxReplicas',
        value: declared,
      };
    }
    // A malformed minReplicas is hpa-min-replicas-below-two's finding; the API server defaults a missing one to 1.
    const floor = replicaCount(dig(hpa, 'spec', 'minReplicas'));
    if (floor === undefined || declared > floor) {
      return undefined;
    }
    return {
      message: `HorizontalPodAutoscaler ${name} cannot scale up: maxReplicas ${declared} is not above minReplicas ${floor}`,
      path: 'spec.maxReplicas',
      value: declared,
    };
  },
);
