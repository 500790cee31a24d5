import type { Check } from '../../check';
import { imageVerificationPolicyMissing } from './image-verification-policy-missing';
import { namespacePodSecurityNotEnforced } from './namespace-pod-security-not-enforced';
import { namespacePodSecurityPrivileged } from './namespace-pod-security-privileged';
import { policyEngineMissing } from './policy-engine-missing';
import { webhookFailurePolicyIgnore } from './webhook-failure-policy-ignore';

export const admissionChecks: readonly Check[] = [
  namespacePodSecurityNotEnforced,
  namespacePodSecurityPrivileged,
  policyEngineMissing,
  webhookFailurePolicyIgnore,
  imageVerificationPolicyMissing,
];
