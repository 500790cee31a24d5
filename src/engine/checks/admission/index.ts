import type { Check } from '../../check';

export const admissionChecks: readonly Check[] = [];
