import type { Check } from '../../check';

export const rbacChecks: readonly Check[] = [];
