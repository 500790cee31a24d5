import type { Check } from '../../check';

export const workloadChecks: readonly Check[] = [];
