import type { Check } from '../../check';

export const controlPlaneChecks: readonly Check[] = [];
