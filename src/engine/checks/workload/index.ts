import type { Check } from '../../check';
import { cpuLimitsMissing } from './cpu-limits-missing';
import { cpuRequestsMissing } from './cpu-requests-missing';
import { deploymentReplicasBelowTwo } from './deployment-replicas-below-two';
import { hpaMaxReplicasInvalid } from './hpa-max-replicas-invalid';
import { hpaMinReplicasBelowTwo } from './hpa-min-replicas-below-two';
import { imageNotPinnedByDigest } from './image-not-pinned-by-digest';
import { imagePullPolicyNotAlways } from './image-pull-policy-not-always';
import { imageRegistryImplicit } from './image-registry-implicit';
import { imageTagNotSpecific } from './image-tag-not-specific';
import { instanceLabelMismatch } from './instance-label-mismatch';
import { livenessProbeMissing } from './liveness-probe-missing';
import { memoryLimitsMissing } from './memory-limits-missing';
import { memoryRequestsMissing } from './memory-requests-missing';
import { nakedPod } from './naked-pod';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { pdbMinAvailableAboveHpaMin } from './pdb-min-available-above-hpa-min';
import { pdbMissing } from './pdb-missing';
import { priorityClassMissing } from './priority-class-missing';
import { readinessProbeMissing } from './readiness-probe-missing';
import { topologySpreadMissing } from './topology-spread-missing';
import { workloadInDefaultNamespace } from './workload-in-default-namespace';

export const workloadChecks: readonly Check[] = [
  cpuRequestsMissing,
  cpuLimitsMissing,
  memoryRequestsMissing,
  memoryLimitsMissing,
  livenessProbeMissing,
  readinessProbeMissing,
  imageTagNotSpecific,
  imageNotPinnedByDigest,
  imagePullPolicyNotAlways,
  imageRegistryImplicit,
  deploymentReplicasBelowTwo,
  pdbMissing,
  pdbBlocksEviction,
  pdbMinAvailableAboveHpaMin,
  hpaMaxReplicasInvalid,
  hpaMinReplicasBelowTwo,
  topologySpreadMissing,
  priorityClassMissing,
  instanceLabelMismatch,
  workloadInDefaultNamespace,
  nakedPod,
];
