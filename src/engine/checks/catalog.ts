import type { Check } from '../check';
import { admissionChecks } from './admission';
import { controlPlaneChecks } from './control-plane';
import { networkChecks } from './network';
import { podSecurityChecks } from './pod-security';
import { rbacChecks } from './rbac';
import { secretsChecks } from './secrets';
import { systemChecks } from './system';
import { workloadChecks } from './workload';

/** Every check Kubeassay ships, in a stable order. */
export const catalog: readonly Check[] = [
  ...podSecurityChecks,
  ...workloadChecks,
  ...secretsChecks,
  ...networkChecks,
  ...rbacChecks,
  ...admissionChecks,
  ...controlPlaneChecks,
  ...systemChecks,
];
