import { createHash } from 'node:crypto';
import type { Check } from '../engine/check';
import type { Finding } from '../engine/finding';
import type { ClusterInfo } from '../engine/inventory/inventory';
import type { ScanResult } from '../engine/scan';
import type { ReportFinding, ReportInput } from './report-input';

/** Who the report is for and from, as the caller knows it (the CLI's flags, the service's records). */
export interface ReportParties {
  consultancy: ReportInput['consultancy'];
  client: string;
  engagement?: string;
  cluster: { name: string } & ClusterInfo;
  confidentiality: string;
  /** ISO date-time of the assessment. */
  assessedAt: string;
}

function reportFinding(finding: Finding): ReportFinding {
  return {
    check: finding.check,
    severity: finding.severity,
    resource: finding.resource,
    ...(finding.container && { container: finding.container }),
    message: finding.message,
    evidence: finding.evidence,
    ...(finding.source && { source: finding.source }),
    status: finding.status,
    ...(finding.exception && {
      justification: finding.exception.justification,
      ...(finding.exception.expires && { expiresAt: finding.exception.expires }),
      exceptionId: finding.exception.id,
    }),
  };
}

/**
 * A report input from an in-process scan (the CLI). The report id is derived from what the report says, so
 * the same scan of the same files gives the same id, and the same bytes.
 */
export function reportInputFromScan(
  result: ScanResult,
  checks: readonly Check[],
  parties: ReportParties,
): ReportInput {
  const findings = result.findings.map(reportFinding);
  const reportId = createHash('sha256')
    .update(
      JSON.stringify([
        parties,
        findings.map((finding) => [finding.check, finding.resource, finding.message]),
      ]),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    reportId,
    assessedAt: parties.assessedAt,
    consultancy: parties.consultancy,
    client: parties.client,
    ...(parties.engagement && { engagement: parties.engagement }),
    cluster: parties.cluster,
    confidentiality: parties.confidentiality,
    catalog: checks.map((check) => check.meta),
    summary: result.summary,
    scores: result.scores,
    checkResults: result.checks,
    findings,
    coverageGaps: [],
    inputErrors: result.inputErrors,
    exceptions: result.exceptions,
  };
}
