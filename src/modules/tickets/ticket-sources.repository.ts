import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Layer, Phase, Severity } from '../../engine/model';
import { AssessmentStatus } from '../assessments/entities/assessment.entity';
import { TriageStatus } from '../findings/finding-status';

/** An open finding of a cluster's latest assessment, as a ticket takes it in. */
export interface OpenFinding {
  assessmentId: string;
  clusterId: string;
  clusterName: string;
  check: string;
  severity: Severity;
  layer: Layer;
  phase: Phase;
  resourceApiVersion: string;
  resourceKind: string;
  resourceNamespace: string | null;
  resourceName: string;
  container: string | null;
  message: string;
  fingerprint: string;
}

/** Reads the findings tickets are built from. Every query is bound to the engagement's organization. */
@Injectable()
export class TicketSourcesRepository {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  /**
   * The open findings of the given severities in each cluster's latest succeeded assessment of the engagement:
   * what the cluster looks like now, not what an older run saw.
   */
  openFindings(
    organizationId: string,
    engagementId: string,
    severities: readonly Severity[],
  ): Promise<OpenFinding[]> {
    return this.database.query(
      `WITH latest AS (
         SELECT DISTINCT ON (a.cluster_id) a.id, a.cluster_id
           FROM assessments a
          WHERE a.organization_id = $1 AND a.engagement_id = $2 AND a.status = $3
          ORDER BY a.cluster_id, a.created_at DESC, a.id DESC)
       SELECT f.assessment_id AS "assessmentId", f.cluster_id AS "clusterId", c.name AS "clusterName", f."check",
              f.severity, f.layer, f.phase, f.resource_api_version AS "resourceApiVersion",
              f.resource_kind AS "resourceKind", f.resource_namespace AS "resourceNamespace",
              f.resource_name AS "resourceName", f.container, f.message, f.fingerprint
         FROM latest
         JOIN findings f ON f.assessment_id = latest.id
         JOIN clusters c ON c.id = latest.cluster_id
        WHERE f.organization_id = $1 AND f.status = $4 AND f.severity = ANY($5::text[])
        ORDER BY f.seq`,
      [organizationId, engagementId, AssessmentStatus.Succeeded, TriageStatus.Open, severities],
    );
  }

  /**
   * The ticket's findings an assessment still has, by fingerprint, whatever their triage: a finding accepted or
   * dismissed since is not fixed. What a reopened issue is told.
   */
  present(assessmentId: string, fingerprints: readonly string[]): Promise<OpenFinding[]> {
    return this.database.query(
      `SELECT f.assessment_id AS "assessmentId", f.cluster_id AS "clusterId", c.name AS "clusterName", f."check",
              f.severity, f.layer, f.phase, f.resource_api_version AS "resourceApiVersion",
              f.resource_kind AS "resourceKind", f.resource_namespace AS "resourceNamespace",
              f.resource_name AS "resourceName", f.container, f.message, f.fingerprint
         FROM findings f
         JOIN clusters c ON c.id = f.cluster_id
        WHERE f.assessment_id = $1 AND f.fingerprint = ANY($2::text[])
        ORDER BY f.seq`,
      [assessmentId, fingerprints],
    );
  }
}
