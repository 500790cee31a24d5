import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { type Severity, SEVERITIES_BY_RANK } from '../../engine/model';
import type { TenantScope } from '../auth/caller';
import { FindingEntity } from './entities/finding.entity';
import type { FindingCursor } from './finding-cursor';
import type { FindingFilter } from './finding-filter';
import { filteredFindings } from './finding-filter-query';
import type { NewFinding } from './finding-rows';
import { FindingSort } from './finding-sort';

export interface FindingPageRequest {
  sort: FindingSort;
  /** Where the previous page ended, in this sort. */
  after?: FindingCursor;
  limit: number;
}

export type FacetName = 'severity' | 'status' | 'layer' | 'phase' | 'check' | 'namespace';

export interface FacetCount {
  facet: FacetName;
  /** Null for the namespace of cluster-scoped resources. */
  value: string | null;
  count: number;
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

/** One grouping set per facet: a row's facet is the one column it is grouped by, its value that column's. */
const FACET_COLUMNS: readonly [FacetName, keyof FindingEntity][] = [
  ['severity', 'severity'],
  ['status', 'status'],
  ['layer', 'layer'],
  ['phase', 'phase'],
  ['check', 'check'],
  ['namespace', 'resourceNamespace'],
];
const FACET_SELECT = `CASE ${FACET_COLUMNS.map(
  ([facet, property]) => `WHEN GROUPING(finding.${property}) = 0 THEN '${facet}'`,
).join(' ')} END`;
const FACET_VALUE = `COALESCE(${FACET_COLUMNS.map(([, property]) => `finding.${property}`).join(', ')})`;
const FACET_GROUPS = `GROUPING SETS (${FACET_COLUMNS.map(([, property]) => `(finding.${property})`).join(', ')})`;

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

  /**
   * A page of an assessment's findings in the order asked for, after the cursor's finding, filtered; the scope is
   * applied in the query too. Every query reads an index in order and stops at the end of the page: sorting is
   * turned off for them, because without fresh statistics (an assessment just persisted, autovacuum behind or
   * off) the planner takes the assessment for a few rows and sorts all of them, 80k for a large one (28 ms
   * instead of 2 ms a page).
   */
  page(
    scope: TenantScope,
    assessmentId: string,
    filter: FindingFilter,
    request: FindingPageRequest,
  ): Promise<FindingEntity[]> {
    return this.findings.manager.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_sort = off');
      const reader = new OrderedReader(manager.getRepository(FindingEntity), scope, assessmentId);
      const { after, limit } = request;
      return request.sort === FindingSort.Severity
        ? reader.bySeverity(filter, after?.sort === FindingSort.Severity ? after : undefined, limit)
        : reader.slice(filter, { limit, ...(after && { afterSeq: after.seq }) });
    });
  }

  /** How many of the filtered findings have each severity, status, layer, phase, check and namespace; one scan. */
  async facets(scope: TenantScope, assessmentId: string, filter: FindingFilter): Promise<FacetCount[]> {
    const rows = await filteredFindings(this.findings, scope, assessmentId, filter)
      .select(FACET_SELECT, 'facet')
      .addSelect(FACET_VALUE, 'value')
      .addSelect('COUNT(*)', 'count')
      .groupBy(FACET_GROUPS)
      .getRawMany<{ facet: FacetName; value: string | null; count: string }>();
    return rows.map((row) => ({ facet: row.facet, value: row.value, count: Number(row.count) }));
  }
}

/** Ordered ranges of one assessment's (assessment, …, seq) indexes. */
class OrderedReader {
  constructor(
    private readonly findings: Repository<FindingEntity>,
    private readonly scope: TenantScope,
    private readonly assessmentId: string,
  ) {}

  /** Filtered findings in insertion order, of one severity when asked, after a seq. */
  slice(
    filter: FindingFilter,
    range: { severity?: Severity; afterSeq?: string; limit: number },
  ): Promise<FindingEntity[]> {
    const query = filteredFindings(this.findings, this.scope, this.assessmentId, filter).orderBy(
      'finding.assessmentId',
    );
    if (range.severity !== undefined) {
      query
        .andWhere('finding.severity = :severity', { severity: range.severity })
        .addOrderBy('finding.severity');
    }
    if (range.afterSeq !== undefined) {
      query.andWhere('finding.seq > :afterSeq', { afterSeq: range.afterSeq });
    }
    return query.addOrderBy('finding.seq').limit(range.limit).getMany();
  }

  /**
   * Critical first, insertion order within a severity: one slice per severity from the cursor's on, until the
   * page is full.
   */
  async bySeverity(
    filter: FindingFilter,
    after: { severity: Severity; seq: string } | undefined,
    limit: number,
  ): Promise<FindingEntity[]> {
    const { severities, ...others } = filter;
    const from = after ? SEVERITIES_BY_RANK.indexOf(after.severity) : 0;
    const wanted = SEVERITIES_BY_RANK.slice(from).filter(
      (severity) => !severities || severities.length === 0 || severities.includes(severity),
    );
    const rows: FindingEntity[] = [];
    for (const severity of wanted) {
      if (rows.length === limit) {
        break;
      }
      const afterSeq = after?.severity === severity ? after.seq : undefined;
      rows.push(
        ...(await this.slice(others, {
          severity,
          limit: limit - rows.length,
          ...(afterSeq !== undefined && { afterSeq }),
        })),
      );
    }
    return rows;
  }
}
