import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { TenantScope } from '../../auth/caller';
import { AssessmentStatus } from '../entities/assessment.entity';
import type { AssessmentCoverage, CoveredAssessment } from './assessment-coverage';
import type { DiffCategory } from './diff-category';

/** An assessment with what a comparison needs: its cluster, status and what it could judge. */
export interface ComparableAssessment extends CoveredAssessment {
  id: string;
  clusterId: string;
  status: AssessmentStatus;
}

export interface DiffSide {
  id: string;
  coverage: AssessmentCoverage;
}

export interface DiffQuery {
  subject: DiffSide;
  baseline: DiffSide;
  /** Succeeded assessments of the cluster before the baseline: where a regression was seen before. */
  earlierIds: string[];
  /** Findings returned per category, in id order. */
  limit: number;
}

/** A finding of one category, with the category's total; new/regressed/persisting ones are the subject's rows. */
export interface DiffRow {
  category: DiffCategory;
  total: string;
  seq: string;
  check: string;
  severity: string;
  layer: string;
  phase: string;
  resourceApiVersion: string;
  resourceKind: string;
  resourceNamespace: string | null;
  resourceName: string;
  container: string | null;
  message: string;
  fingerprint: string;
  status: string;
}

const COMPARABLE_COLUMNS =
  'a.id, a.cluster_id AS "clusterId", a.status, a.profile, ' +
  'a.check_results AS "checkResults", a.coverage_gaps AS "coverageGaps"';

/** The created_at of an assessment named by a parameter: times are compared in SQL, never via JS dates. */
const createdAtOf = (parameter: string) => `(SELECT created_at FROM assessments WHERE id = ${parameter})`;

/**
 * SQL: the finding `alias` lies within the coverage given as parameters $first (evaluated checks),
 * $first+1 (unreadable kinds) and $first+2 (profile namespaces, empty for all).
 */
function withinCoverage(alias: string, first: number): string {
  const [evaluated, unreadable, namespaces] = [first, first + 1, first + 2].map((n) => `$${n}::text[]`);
  const namespace =
    `coalesce(${alias}.resource_namespace, ` +
    `CASE WHEN ${alias}.resource_kind = 'Namespace' THEN ${alias}.resource_name END)`;
  return (
    `(${alias}."check" = ANY(${evaluated}) AND ${alias}.resource_kind <> ALL(${unreadable}) ` +
    `AND (cardinality(${namespaces}) = 0 OR ${namespace} IS NULL OR ${namespace} = ANY(${namespaces})))`
  );
}

/**
 * Every finding of both assessments classified by fingerprint ($1 subject, $2 baseline, $3 earlier ids,
 * $4 limit, $5–7 the subject's coverage, $8–10 the baseline's) and ranked per category: the first $4 of each
 * category, with the category's total. A subject finding the baseline lacks is looked up in earlier
 * assessments only then, through the (assessment, fingerprint) index.
 */
const CLASSIFY_SQL = `
WITH classified AS (
  SELECT f.seq,
    CASE
      WHEN b.seq IS NOT NULL THEN 'persisting'
      WHEN NOT EXISTS (
        SELECT 1 FROM findings e WHERE e.assessment_id = ANY($3::uuid[]) AND e.fingerprint = f.fingerprint
      ) THEN 'new'
      WHEN ${withinCoverage('f', 8)} THEN 'regressed'
      ELSE 'persisting'
    END AS category
  FROM findings f
  LEFT JOIN findings b ON b.assessment_id = $2 AND b.fingerprint = f.fingerprint
  WHERE f.assessment_id = $1
  UNION ALL
  SELECT b.seq, CASE WHEN ${withinCoverage('b', 5)} THEN 'fixed' ELSE 'not_assessed' END
  FROM findings b
  WHERE b.assessment_id = $2
    AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.assessment_id = $1 AND f.fingerprint = b.fingerprint)
)
SELECT category, total, seq FROM (
  SELECT seq, category,
    row_number() OVER (PARTITION BY category ORDER BY seq) AS position,
    count(*) OVER (PARTITION BY category) AS total
  FROM classified
) ranked
WHERE position <= $4`;

const FINDING_COLUMNS =
  'seq, "check", severity, layer, phase, resource_api_version AS "resourceApiVersion", ' +
  'resource_kind AS "resourceKind", resource_namespace AS "resourceNamespace", ' +
  'resource_name AS "resourceName", container, message, fingerprint, status';

interface RankedRow {
  category: DiffCategory;
  total: string;
  seq: string;
}

type DiffFindingRow = Omit<DiffRow, 'category' | 'total'>;

@Injectable()
export class AssessmentDiffRepository {
  constructor(@InjectDataSource() private readonly database: DataSource) {}

  /** The assessment when the scope may see it; another tenant's is simply absent. */
  async findForScope(scope: TenantScope, id: string): Promise<ComparableAssessment | null> {
    const rows: ComparableAssessment[] =
      scope.kind === 'organization'
        ? await this.database.query(
            `SELECT ${COMPARABLE_COLUMNS} FROM assessments a WHERE a.id = $1 AND a.organization_id = $2`,
            [id, scope.organizationId],
          )
        : await this.database.query(`SELECT ${COMPARABLE_COLUMNS} FROM assessments a WHERE a.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Whether the baseline was queued before the subject. */
  async queuedBefore(baselineId: string, subjectId: string): Promise<boolean> {
    const rows: { before: boolean | null }[] = await this.database.query(
      `SELECT ${createdAtOf('$1')} < ${createdAtOf('$2')} AS before`,
      [baselineId, subjectId],
    );
    return rows[0]?.before === true;
  }

  /** The cluster's last succeeded assessment queued before this one. */
  async findPrevious(subject: ComparableAssessment): Promise<ComparableAssessment | null> {
    const rows: ComparableAssessment[] = await this.database.query(
      `SELECT ${COMPARABLE_COLUMNS} FROM assessments a
       WHERE a.cluster_id = $1 AND a.status = $2 AND a.created_at < ${createdAtOf('$3')}
       ORDER BY a.created_at DESC, a.id DESC LIMIT 1`,
      [subject.clusterId, AssessmentStatus.Succeeded, subject.id],
    );
    return rows[0] ?? null;
  }

  /** Ids of the cluster's succeeded assessments queued before this one. */
  async succeededBefore(assessment: ComparableAssessment): Promise<string[]> {
    const rows: { id: string }[] = await this.database.query(
      `SELECT id FROM assessments WHERE cluster_id = $1 AND status = $2 AND created_at < ${createdAtOf('$3')}`,
      [assessment.clusterId, AssessmentStatus.Succeeded, assessment.id],
    );
    return rows.map((row) => row.id);
  }

  /**
   * The classified findings, the first `limit` of each category in id order. JIT is off for it: the planner's
   * estimate for the per-row lookups crosses jit_above_cost, and compiling took longer than running (1.6 s of
   * 1.8 s at 80k findings).
   */
  compare(query: DiffQuery): Promise<DiffRow[]> {
    const coverage = ({ evaluatedChecks, unreadableKinds, namespaces }: AssessmentCoverage) => [
      evaluatedChecks,
      unreadableKinds,
      namespaces,
    ];
    return this.database.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      const ranked: RankedRow[] = await manager.query(CLASSIFY_SQL, [
        query.subject.id,
        query.baseline.id,
        query.earlierIds,
        query.limit,
        ...coverage(query.subject.coverage),
        ...coverage(query.baseline.coverage),
      ]);
      // By primary key: the planner cannot know the ranking leaves a few hundred rows, and joined over all.
      const findings: DiffFindingRow[] = await manager.query(
        `SELECT ${FINDING_COLUMNS} FROM findings WHERE seq = ANY($1::bigint[]) ORDER BY seq`,
        [ranked.map((row) => row.seq)],
      );
      const rankOf = new Map(ranked.map((row) => [row.seq, row]));
      return findings.map((finding) => {
        const { category, total } = rankOf.get(finding.seq)!;
        return { category, total, ...finding };
      });
    });
  }
}
