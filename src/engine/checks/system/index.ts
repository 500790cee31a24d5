import type { Check } from '../../check';

export const systemChecks: readonly Check[] = [];
