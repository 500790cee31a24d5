import { objectCheck, type Violation } from '../../check';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { intOrPercent } from './support/availability';
import { dig, shown } from './support/fields';

export const pdbBlocksEviction = objectCheck(
  {
    id: 'pdb-blocks-eviction',
    title: 'PodDisruptionBudget allows no disruption',
    rationale:
      'A budget that allows zero disruptions makes every eviction of its pods fail: node drains hang, and ' +
      'node upgrades and security patches stall until someone deletes the budget or the pods by hand, in a ' +
      'hurry and without the protection the budget was meant to give.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['pdbDisruptionsIsZero'],
    },
    remediation: {
      text:
        'Allow at least one pod to be evicted at a time: set `maxUnavailable: 1` (or a percentage above zero) ' +
        'instead of `minAvailable: 100%` or `maxUnavailable: 0`.',
      patch: ['spec:', '  maxUnavailable: 1'].join('\n'),
    },
  },
  { kinds: ['PodDisruptionBudget'] },
  (pdb) => [minAvailableBlocks(pdb), maxUnavailableBlocks(pdb)].filter((found) => found !== undefined),
);

function minAvailableBlocks(pdb: KubeObject): Violation | undefined {
  const declared = dig(pdb, 'spec', 'minAvailable');
  const minAvailable = intOrPercent(declared);
  if (!minAvailable || !('percent' in minAvailable) || minAvailable.percent < 100) {
    return undefined;
  }
  return {
    message: `PodDisruptionBudget ${pdb.metadata.name ?? ''} keeps ${shown(declared)} of its pods available, so none can be evicted`,
    path: 'spec.minAvailable',
    value: declared,
  };
}

function maxUnavailableBlocks(pdb: KubeObject): Violation | undefined {
  const declared = dig(pdb, 'spec', 'maxUnavailable');
  const maxUnavailable = intOrPercent(declared);
  const allowed =
    maxUnavailable && ('count' in maxUnavailable ? maxUnavailable.count : maxUnavailable.percent);
  if (allowed !== 0) {
    return undefined;
  }
  return {
    message: `PodDisruptionBudget ${pdb.metadata.name ?? ''} allows ${shown(declared)} unavailable pods, so none can be evicted`,
    path: 'spec.maxUnavailable',
    value: declared,
  };
}
