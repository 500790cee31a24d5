import type { CheckResult } from '../engine/check-result';
import type { ExceptionReport } from '../engine/exceptions';
import type { FindingSource, ResourceRef } from '../engine/finding';
import type { InputError } from '../engine/input-error';
import type { CoverageGap } from '../engine/inventory/inventory';
import type { CheckMeta, Severity } from '../engine/model';
import type { ScanSummary } from '../engine/scan';
import type { Scores } from '../engine/scoring';

/** A finding as a report needs it; the CLI's engine findings and the service's stored rows both map to it. */
export interface ReportFinding {
  check: string;
  severity: Severity;
  resource: ResourceRef;
  container?: string;
  message: string;
  evidence: { path: string; value?: unknown };
  source?: FindingSource;
  /** `open`, `accepted` or `false_positive`. */
  status: string;
  justification?: string;
  expiresAt?: string;
  /** Set when an exception (waiver) accepted the finding, rather than a triage decision. */
  exceptionId?: string;
}

/** What changed since the previous assessment of the cluster (counts of the comparison). */
export interface ReportChanges {
  againstDate: string;
  new: number;
  fixed: number;
  persisting: number;
  regressed: number;
  notAssessed: number;
}

/**
 * Everything a report is made from. Plain data, no clock and no I/O: the same input always builds the same
 * model, so a report renders to the same bytes.
 */
export interface ReportInput {
  reportId: string;
  /** When the assessment finished: the report's date. */
  assessedAt: string;
  consultancy: { name: string; logo?: { data: Buffer; type: 'png' | 'jpeg' } };
  client: string;
  engagement?: string;
  cluster: { name: string; version?: string; platform?: string };
  confidentiality: string;
  catalog: readonly CheckMeta[];
  summary: ScanSummary;
  scores: Scores;
  checkResults: readonly CheckResult[];
  findings: readonly ReportFinding[];
  coverageGaps: readonly CoverageGap[];
  inputErrors: readonly InputError[];
  exceptions: readonly ExceptionReport[];
  changes?: ReportChanges;
}
