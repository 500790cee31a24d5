import { objectCheck, type Violation } from '../../check';
import { toWorkload } from '../../inventory/workloads';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { hpasTargeting, intOrPercent, pdbsSelecting, replicaCount } from './support/availability';
import { dig } from './support/fields';

export const pdbMinAvailableAboveHpaMin = objectCheck(
  {
    id: 'pdb-min-available-above-hpa-min',
    title: 'PodDisruptionBudget demands more pods than the autoscaler keeps',
    rationale:
      "When a budget requires more available pods than the autoscaler's floor, the workload at its floor " +
      'cannot lose a single pod: every node drain that touches it blocks, so node upgrades and patches stall ' +
      'exactly when load is low and maintenance is usually scheduled.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['pdbMinAvailableGreaterThanHPAMinReplicas'],
    },
    remediation: {
      text:
        'Keep the budget below the autoscaler floor: lower `minAvailable` (or use `maxUnavailable: 1`), or raise ' +
        'the HorizontalPodAutoscaler `minReplicas` above it.',
      patch: ['spec:', '  maxUnavailable: 1'].join('\n'),
    },
  },
  { kinds: ['Deployment', 'StatefulSet'], requires: ['PodDisruptionBudget', 'HorizontalPodAutoscaler'] },
  (object, inventory) => {
    const hpas = hpasTargeting(inventory, object);
    if (hpas.length === 0) {
      return undefined;
    }
    const pdbs = pdbsSelecting(inventory, object.metadata.namespace, toWorkload(object)?.podMetadata.labels);
    return hpas.flatMap((hpa) => pdbs.flatMap((pdb) => conflict(object, hpa, pdb) ?? []));
  },
);

/** The budget's minAvailable at the autoscaler's floor, rounded up for a percentage as the eviction API does. */
function conflict(object: KubeObject, hpa: KubeObject, pdb: KubeObject): Violation | undefined {
  const declaredFloor = dig(hpa, 'spec', 'minReplicas');
  const floor = replicaCount(declaredFloor);
  const declared = dig(pdb, 'spec', 'minAvailable');
  const minAvailable = intOrPercent(declared);
  if (floor === undefined || !minAvailable) {
    return undefined;
  }
  const required =
    'count' in minAvailable ? minAvailable.count : Math.ceil((minAvailable.percent * floor) / 100);
  if (required <= floor) {
    return undefined;
  }
  const defaulted = declaredFloor === undefined || declaredFloor === null ? ' (minReplicas is not set)' : '';
  return {
    resource: pdb,
    message:
      `PodDisruptionBudget ${pdb.metadata.name ?? ''} keeps ${required} pods of ${object.kind} ` +
      `${object.metadata.name ?? ''} available, but HorizontalPodAutoscaler ${hpa.metadata.name ?? ''} may ` +
      `scale it down to ${floor}${defaulted}`,
    path: 'spec.minAvailable',
    value: declared,
    detail: `${object.kind}/${object.metadata.name ?? ''}/${hpa.metadata.name ?? ''}`,
  };
}
