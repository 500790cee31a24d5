import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { Layer, Phase, Severity } from '../../../engine/model';
import type { TenantScope } from '../../auth/caller';
import { CheckCatalog } from '../../checks/check-catalog';
import type { TriageStatus } from '../../findings/finding-status';
import { AssessmentStatus } from '../entities/assessment.entity';
import { coverageOf } from './assessment-coverage';
import {
  type ComparableAssessment,
  AssessmentDiffRepository,
  type DiffRow,
} from './assessment-diff.repository';
import { DiffCategory } from './diff-category';
import type { AssessmentDiffDto, DiffCategoryDto, DiffFindingDto } from './dto/assessment-diff.dto';

export interface DiffRequest {
  /** The baseline's id; absent for the cluster's previous succeeded assessment. */
  against?: string;
  /** Findings listed per category. */
  limit: number;
}

/** Response keys of the categories. */
const CATEGORY_KEYS = {
  [DiffCategory.New]: 'new',
  [DiffCategory.Fixed]: 'fixed',
  [DiffCategory.NotAssessed]: 'notAssessed',
  [DiffCategory.Persisting]: 'persisting',
  [DiffCategory.Regressed]: 'regressed',
} as const satisfies Record<DiffCategory, keyof AssessmentDiffDto>;

@Injectable()
export class AssessmentDiffService {
  constructor(
    private readonly assessments: AssessmentDiffRepository,
    private readonly catalog: CheckCatalog,
  ) {}

  /** Compares a succeeded assessment with an earlier succeeded one of the same cluster, by fingerprint. */
  async diff(scope: TenantScope, id: string, request: DiffRequest): Promise<AssessmentDiffDto> {
    const subject = await this.assessments.findForScope(scope, id);
    if (!subject) {
      throw DomainError.notFound('assessment');
    }
    if (subject.status !== AssessmentStatus.Succeeded) {
      throw notComparable(`the assessment is ${subject.status}: only succeeded assessments are compared`);
    }
    const baseline = await this.baseline(scope, subject, request.against);
    const rows = await this.assessments.compare({
      subject: { id: subject.id, coverage: coverageOf(subject) },
      baseline: { id: baseline.id, coverage: coverageOf(baseline) },
      earlierIds: await this.assessments.succeededBefore(baseline),
      limit: request.limit,
    });
    return this.toDto(subject, baseline, rows);
  }

  private async baseline(
    scope: TenantScope,
    subject: ComparableAssessment,
    against: string | undefined,
  ): Promise<ComparableAssessment> {
    if (against === undefined) {
      const previous = await this.assessments.findPrevious(subject);
      if (!previous) {
        throw new DomainError(
          ErrorCode.DiffBaselineMissing,
          'the cluster has no succeeded assessment before this one to compare with',
        );
      }
      return previous;
    }
    const baseline = await this.assessments.findForScope(scope, against);
    if (!baseline) {
      throw DomainError.notFound('assessment to compare against');
    }
    if (baseline.status !== AssessmentStatus.Succeeded) {
      throw notComparable(`the assessment to compare against is ${baseline.status}, not succeeded`);
    }
    if (baseline.clusterId !== subject.clusterId) {
      throw notComparable('the assessment to compare against is of another cluster');
    }
    if (!(await this.assessments.queuedBefore(baseline.id, subject.id))) {
      throw notComparable('the assessment to compare against must have been queued before this one');
    }
    return baseline;
  }

  private toDto(
    subject: ComparableAssessment,
    baseline: ComparableAssessment,
    rows: readonly DiffRow[],
  ): AssessmentDiffDto {
    const empty = (): DiffCategoryDto => ({ count: 0, truncated: false, items: [] });
    const categories: Record<(typeof CATEGORY_KEYS)[DiffCategory], DiffCategoryDto> = {
      new: empty(),
      fixed: empty(),
      notAssessed: empty(),
      persisting: empty(),
      regressed: empty(),
    };
    for (const row of rows) {
      const category = categories[CATEGORY_KEYS[row.category]];
      category.count = Number(row.total);
      category.items.push(this.toFinding(row));
      category.truncated = category.items.length < category.count;
    }
    return { assessmentId: subject.id, againstId: baseline.id, clusterId: subject.clusterId, ...categories };
  }

  private toFinding(row: DiffRow): DiffFindingDto {
    return {
      id: row.seq,
      check: row.check,
      title: this.catalog.meta(row.check)?.title ?? row.check,
      severity: row.severity as Severity,
      layer: row.layer as Layer,
      phase: row.phase as Phase,
      resource: {
        apiVersion: row.resourceApiVersion,
        kind: row.resourceKind,
        ...(row.resourceNamespace !== null && { namespace: row.resourceNamespace }),
        name: row.resourceName,
      },
      ...(row.container !== null && { container: row.container }),
      message: row.message,
      fingerprint: row.fingerprint,
      status: row.status as TriageStatus,
    };
  }
}

function notComparable(message: string): DomainError {
  return new DomainError(ErrorCode.DiffNotComparable, message);
}
