import type { Check } from '../../check';

export const networkChecks: readonly Check[] = [];
