import type { Check } from '../../check';

export const secretsChecks: readonly Check[] = [];
