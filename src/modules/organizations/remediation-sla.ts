import { Severity } from '../../engine/model';

export type RemediationSla = Readonly<Record<Severity, number>>;

/**
 * Days to fix a finding of each severity, from the day its ticket is opened, unless the organization set its
 * own. The defaults follow common vulnerability-management practice (critical within a week, high within a
 * month, medium within a quarter).
 */
export const DEFAULT_REMEDIATION_SLA_DAYS: RemediationSla = {
  [Severity.Critical]: 7,
  [Severity.High]: 30,
  [Severity.Medium]: 90,
  [Severity.Low]: 180,
  [Severity.Info]: 365,
};

const DAY_MS = 86_400_000;

/** The due date (YYYY-MM-DD, UTC) of a ticket of this severity opened at `openedAt`. */
export function dueOn(openedAt: Date, severity: Severity, sla: RemediationSla): string {
  return new Date(openedAt.getTime() + sla[severity] * DAY_MS).toISOString().slice(0, 10);
}
