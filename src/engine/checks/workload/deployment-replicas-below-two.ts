import { objectCheck, type Violation } from '../../check';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hpasTargeting, replicaCount, scaledToZero } from './support/availability';
import { dig } from './support/fields';

/**
 * An autoscaler owns the replica count. One that sets its floor is judged by hpa-min-replicas-below-two; one
 * that sets none lets the API default it to 1, which is reported here, on the Deployment it scales.
 */
function autoscalerFloorsMissing(deployment: KubeObject, hpas: readonly KubeObject[]): Violation[] {
  return hpas
    .filter((hpa) => {
      const declared = dig(hpa, 'spec', 'minReplicas');
      return declared === undefined || declared === null;
    })
    .map((hpa) => {
      const hpaName = hpa.metadata.name ?? '';
      return {
        message:
          `Deployment ${deployment.metadata.name ?? ''} can scale down to 1 replica: its ` +
          `HorizontalPodAutoscaler ${hpaName} sets no minReplicas (the default is 1)`,
        // The field lives in the autoscaler, not in the Deployment the finding is about.
        path: `HorizontalPodAutoscaler/${hpaName}.spec.minReplicas`,
      };
    });
}

function replicasBelowTwo(deployment: KubeObject): Violation | undefined {
  const declared = dig(deployment, 'spec', 'replicas');
  const replicas = replicaCount(declared);
  if (replicas !== undefined && replicas >= 2) {
    return undefined;
  }
  const name = deployment.metadata.name ?? '';
  if (declared === undefined || declared === null) {
    return {
      message: `Deployment ${name} sets no replicas, so it runs a single pod`,
      path: 'spec.replicas',
    };
  }
  return replicas === undefined
    ? {
        message: `Deployment ${name} has a malformed replica count`,
        path: 'spec.replicas',
        value: declared,
      }
    : { message: `Deployment ${name} runs a single replica`, path: 'spec.replicas', value: declared };
}

export const deploymentReplicasBelowTwo = objectCheck(
  {
    id: 'deployment-replicas-below-two',
    title: 'Deployment runs fewer than two replicas',
    rationale:
      'A single replica is a single point of failure: a node drain, an eviction, a crash or a rollout takes ' +
      'the service offline, and a PodDisruptionBudget cannot protect one pod without blocking node ' +
      'maintenance altogether. An autoscaler that sets no floor lets the Deployment shrink to that one pod ' +
      'whenever load is low.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['deploymentMissingReplicas'],
    },
    remediation: {
      text:
        'Run at least two replicas, or let a HorizontalPodAutoscaler with `minReplicas` of two or more manage ' +
        'the count.',
      patch: ['spec:', '  replicas: 2'].join('\n'),
    },
  },
  { kinds: ['Deployment'], requires: ['HorizontalPodAutoscaler'] },
  (deployment, inventory) => {
    // Zero is a deliberate choice to run nothing (an autoscaler does not scale it up), not a lack of redundancy.
    if (scaledToZero(deployment)) {
      return undefined;
    }
    const hpas = hpasTargeting(inventory, deployment);
    return hpas.length > 0 ? autoscalerFloorsMissing(deployment, hpas) : replicasBelowTwo(deployment);
  },
);
