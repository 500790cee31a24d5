import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FindingSource, ResourceRef } from '../../../engine/finding';
import type { ClusterInfo } from '../../../engine/inventory/inventory';
import type { Severity } from '../../../engine/model';
import type { ReportFinding } from '../../../reports/report-input';

/** Findings read per query: bounded memory in the driver, few round trips. */
const FINDINGS_BATCH = 10_000;

/** The names a report's cover prints, as the records say them now. */
export interface ReportParties {
  client: string;
  engagement: string;
  cluster: { name: string } & ClusterInfo;
}

interface PartiesRow {
  client: string;
  engagement: string;
  cluster: string;
  clusterInfo: ClusterInfo | null;
}

interface FindingRow {
  seq: string;
  check: string;
  severity: Severity;
  apiVersion: string;
  kind: string;
  namespace: string | null;
  name: string;
  container: string | null;
  message: string;
  evidence: ReportFinding['evidence'];
  source: FindingSource | null;
  status: string;
  justification: string | null;
  expiresAt: Date | null;
  exceptionId: string | null;
}

function reportFinding(row: FindingRow): ReportFinding {
  const resource: ResourceRef = {
    apiVersion: row.apiVersion,
    kind: row.kind,
    ...(row.namespace !== null && { namespace: row.namespace }),
    name: row.name,
  };
  return {
    check: row.check,
    severity: row.severity,
    resource,
    ...(row.container !== null && { container: row.container }),
    message: row.message,
    evidence: row.evidence,
    ...(row.source !== null && { source: row.source }),
    status: row.status,
    ...(row.justification !== null && { justification: row.justification }),
    ...(row.expiresAt !== null && { expiresAt: row.expiresAt.toISOString() }),
    ...(row.exceptionId !== null && { exceptionId: row.exceptionId }),
  };
}

/** What the worker reads to render a report, beyond the assessment row itself. */
@Injectable()
export class ReportSourcesRepository {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  async parties(assessmentId: string): Promise<ReportParties> {
    const rows: PartiesRow[] = await this.database.query(
      `SELECT o.name AS client, e.name AS engagement, c.name AS cluster, s.cluster_info AS "clusterInfo"
         FROM assessments a
         JOIN organizations o ON o.id = a.organization_id
         JOIN engagements e ON e.id = a.engagement_id
         JOIN clusters c ON c.id = a.cluster_id
         LEFT JOIN snapshots s ON s.id = a.snapshot_id
        WHERE a.id = $1`,
      [assessmentId],
    );
    const row = rows[0];
    if (!row) {
      throw new Error(`assessment ${assessmentId} not found`);
    }
    return {
      client: row.client,
      engagement: row.engagement,
      cluster: { name: row.cluster, ...row.clusterInfo },
    };
  }

  /** Every finding of the assessment with its triage as it stands now, in insertion order. */
  async findings(assessmentId: string): Promise<ReportFinding[]> {
    const findings: ReportFinding[] = [];
    let after = '0';
    for (;;) {
      const rows: FindingRow[] = await this.database.query(
        `SELECT seq, "check", severity, resource_api_version AS "apiVersion", resource_kind AS kind,
                resource_namespace AS namespace, resource_name AS name, container, message, evidence, source,
                status, justification, expires_at AS "expiresAt", exception_id AS "exceptionId"
           FROM findings
          WHERE assessment_id = $1 AND seq > $2
          ORDER BY seq
          LIMIT ${FINDINGS_BATCH}`,
        [assessmentId, after],
      );
      findings.push(...rows.map(reportFinding));
      if (rows.length < FINDINGS_BATCH) {
        return findings;
      }
      after = rows[rows.length - 1]!.seq;
    }
  }
}
