import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { FindingEntity } from './entities/finding.entity';
import type { NewFinding } from './finding-rows';

export interface FindingFilter {
  severities?: readonly string[];
  layers?: readonly string[];
  phases?: readonly string[];
  statuses?: readonly string[];
  namespaces?: readonly string[];
  checks?: readonly string[];
}

export interface FindingPageRequest {
  /** Findings with a larger seq than this one. */
  afterSeq?: string;
  limit: number;
}

/**
 * Insert columns in order: the SQL type of the array each is sent as, and how a row supplies its value. jsonb
 * values go as JSON text; principles as one comma-joined string (unnest would flatten an array of arrays).
 */
const INSERT_COLUMNS: readonly [string, string, (row: NewFinding) => unknown][] = [
  ['assessment_id', 'uuid', (row) => row.assessmentId],
  ['organization_id', 'uuid', (row) => row.organizationId],
  ['cluster_id', 'uuid', (row) => row.clusterId],
  ['check', 'text', (row) => row.check],
  ['severity', 'text', (row) => row.severity],
  ['layer', 'text', (row) => row.layer],
  ['phase', 'text', (row) => row.phase],
  ['principles', 'text', (row) => row.principles.join(',')],
  ['resource_api_version', 'text', (row) => row.resourceApiVersion],
  ['resource_kind', 'text', (row) => row.resourceKind],
  ['resource_namespace', 'text', (row) => row.resourceNamespace],
  ['resource_name', 'text', (row) => row.resourceName],
  ['container', 'text', (row) => row.container],
  ['message', 'text', (row) => row.message],
  ['evidence', 'jsonb', (row) => JSON.stringify(row.evidence)],
  ['fingerprint', 'text', (row) => row.fingerprint],
  ['status', 'text', (row) => row.status],
  ['source', 'jsonb', (row) => (row.source === null ? null : JSON.stringify(row.source))],
  ['justification', 'text', (row) => row.justification],
  ['expires_at', 'timestamptz', (row) => row.expiresAt],
  ['exception_id', 'uuid', (row) => row.exceptionId],
];

/**
 * One array parameter per column, unnested into rows in order: a constant number of parameters whatever the
 * batch. Rows go in only while the assessment is running, under a share lock on it: a cancel (which takes the
 * row exclusively, then deletes the findings) either waits for this batch or makes it insert nothing.
 */
const INSERT_SQL = (() => {
  const names = INSERT_COLUMNS.map(([column]) => `"${column}"`);
  const arrays = INSERT_COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`);
  const assessmentParameter = `$${INSERT_COLUMNS.length + 1}`;
  const selected = names.map((name) => (name === '"principles"' ? `string_to_array(${name}, ',')` : name));
  return (
    `WITH running AS (SELECT 1 FROM assessments WHERE id = ${assessmentParameter} AND status = 'running' FOR SHARE) ` +
    `INSERT INTO findings (${names.join(', ')}) ` +
    `SELECT ${selected.join(', ')} FROM unnest(${arrays.join(', ')}) WITH ORDINALITY ` +
    `AS batch(${names.join(', ')}, position) WHERE EXISTS (SELECT 1 FROM running) ORDER BY position ` +
    'ON CONFLICT (assessment_id, fingerprint) DO NOTHING RETURNING seq'
  );
})();

/** Filter keys and the entity properties they match. */
const FILTER_COLUMNS: readonly [keyof FindingFilter, keyof FindingEntity][] = [
  ['severities', 'severity'],
  ['layers', 'layer'],
  ['phases', 'phase'],
  ['statuses', 'status'],
  ['namespaces', 'resourceNamespace'],
  ['checks', 'check'],
];

@Injectable()
export class FindingRepository {
  constructor(@InjectRepository(FindingEntity) private readonly findings: Repository<FindingEntity>) {}

  /**
   * One INSERT for a batch of one assessment's findings; a finding already stored for the assessment (same
   * fingerprint) is skipped, so a retried run adds nothing twice. Returns how many rows were new (none once the
   * assessment is no longer running).
   */
  async insertBatch(rows: readonly NewFinding[]): Promise<number> {
    if (rows.length === 0) {
      return 0;
    }
    const columns = INSERT_COLUMNS.map(([, , value]) => rows.map(value));
    const inserted: unknown[] = await this.findings.query(INSERT_SQL, [...columns, rows[0]!.assessmentId]);
    return inserted.length;
  }

  countForAssessment(assessmentId: string): Promise<number> {
    return this.findings.count({ where: { assessmentId } });
  }

  /** Findings of an assessment in insertion order, filtered; the scope is applied in the query too. */
  page(
    scope: TenantScope,
    assessmentId: string,
    filter: FindingFilter,
    page: FindingPageRequest,
  ): Promise<FindingEntity[]> {
    const query = this.findings
      .createQueryBuilder('finding')
      .where('finding.assessmentId = :assessmentId', { assessmentId });
    if (scope.kind === 'organization') {
      query.andWhere('finding.organizationId = :organizationId', { organizationId: scope.organizationId });
    }
    for (const [key, property] of FILTER_COLUMNS) {
      const values = filter[key];
      if (values && values.length > 0) {
        query.andWhere(`finding.${property} IN (:...${key})`, { [key]: values });
      }
    }
    if (page.afterSeq !== undefined) {
      query.andWhere('finding.seq > :afterSeq', { afterSeq: page.afterSeq });
    }
    return query.orderBy('finding.seq', 'ASC').limit(page.limit).getMany();
  }
}
