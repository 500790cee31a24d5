import type { Check } from '../check';
import { podSecurityChecks } from './pod-security';

/** Every check Kubeassay ships, in a stable order. */
export const catalog: readonly Check[] = [...podSecurityChecks];
