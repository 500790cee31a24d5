import type { Check } from '../../check';
import { containerPrivileged } from './container-privileged';

export const podSecurityChecks: readonly Check[] = [containerPrivileged];
