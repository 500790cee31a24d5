import type { Check } from '../../check';
import { controlPlaneNodeSchedulable } from './control-plane-node-schedulable';
import { kubeletVersionEndOfLife } from './kubelet-version-end-of-life';
import { kubernetesVersionEndOfLife } from './kubernetes-version-end-of-life';
import { nodeContainerRuntimeOutdated } from './node-container-runtime-outdated';
import { nodeKernelOutdated } from './node-kernel-outdated';
import { nodeOsImageEndOfLife } from './node-os-image-end-of-life';
import { sandboxRuntimeClassMissing } from './sandbox-runtime-class-missing';

export const systemChecks: readonly Check[] = [
  kubernetesVersionEndOfLife,
  kubeletVersionEndOfLife,
  nodeKernelOutdated,
  nodeOsImageEndOfLife,
  nodeContainerRuntimeOutdated,
  controlPlaneNodeSchedulable,
  sandboxRuntimeClassMissing,
];
