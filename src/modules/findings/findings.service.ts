import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Layer, Phase, Principle, Severity } from '../../engine/model';
import { AssessmentRepository } from '../assessments/assessment.repository';
import type { TenantScope } from '../auth/caller';
import { CheckCatalog } from '../checks/check-catalog';
import type { FindingFacetsDto } from './dto/finding-facets.dto';
import type { FindingDto } from './dto/finding.dto';
import type { FindingEntity } from './entities/finding.entity';
import { decodeCursor, encodeCursor, type FindingCursor } from './finding-cursor';
import { toFacets } from './finding-facets';
import type { FindingFilter } from './finding-filter';
import { FindingSort } from './finding-sort';
import type { TriageStatus } from './finding-status';
import { FindingRepository } from './finding.repository';

export interface FindingPage {
  items: FindingDto[];
  nextCursor: string | null;
}

@Injectable()
export class FindingsService {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly findings: FindingRepository,
    private readonly catalog: CheckCatalog,
  ) {}

  /** A page of an assessment's findings in the sort asked for; 404 when the assessment is not visible. */
  async list(
    scope: TenantScope,
    assessmentId: string,
    filter: FindingFilter,
    page: { sort: FindingSort; cursor?: string; limit: number },
  ): Promise<FindingPage> {
    this.refuseUnknownChecks(filter);
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, page.sort);
    await this.requireVisible(scope, assessmentId);
    // One row more than the page tells whether another page follows.
    const rows = await this.findings.page(scope, assessmentId, filter, {
      sort: page.sort,
      limit: page.limit + 1,
      ...(after && { after }),
    });
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    return {
      items: items.map((row) => this.toDto(row)),
      nextCursor: rows.length > page.limit && last ? encodeCursor(cursorAt(last, page.sort)) : null,
    };
  }

  /** Counts of the filtered findings by severity, status, layer, phase, check and namespace. */
  async facets(scope: TenantScope, assessmentId: string, filter: FindingFilter): Promise<FindingFacetsDto> {
    this.refuseUnknownChecks(filter);
    await this.requireVisible(scope, assessmentId);
    return toFacets(await this.findings.facets(scope, assessmentId, filter));
  }

  private refuseUnknownChecks(filter: FindingFilter): void {
    const unknown = this.catalog.unknownIds(filter.checks ?? []);
    if (unknown.length > 0) {
      throw new DomainError(ErrorCode.UnknownCheck, `unknown check id: ${unknown.join(', ')}`);
    }
  }

  private async requireVisible(scope: TenantScope, assessmentId: string): Promise<void> {
    if (!(await this.assessments.existsForScope(scope, assessmentId))) {
      throw DomainError.notFound('assessment');
    }
  }

  /** A stored finding as the API shows it; the triage route answers with it too. */
  toDto(row: FindingEntity): FindingDto {
    const meta = this.catalog.meta(row.check);
    return {
      id: row.seq,
      organizationId: row.organizationId,
      check: row.check,
      title: meta?.title ?? row.check,
      severity: row.severity as Severity,
      layer: row.layer as Layer,
      phase: row.phase as Phase,
      principles: row.principles as Principle[],
      resource: {
        apiVersion: row.resourceApiVersion,
        kind: row.resourceKind,
        ...(row.resourceNamespace !== null && { namespace: row.resourceNamespace }),
        name: row.resourceName,
      },
      ...(row.container !== null && { container: row.container }),
      message: row.message,
      evidence: row.evidence,
      remediation: meta?.remediation ?? null,
      fingerprint: row.fingerprint,
      status: row.status as TriageStatus,
      ...(row.justification !== null && { justification: row.justification }),
      ...(row.expiresAt !== null && { expiresAt: row.expiresAt.toISOString() }),
      ...(row.exceptionId !== null && { exceptionId: row.exceptionId }),
      ...(row.source !== null && { source: row.source }),
    };
  }
}

/** The cursor that resumes after this finding in this sort. */
function cursorAt(row: FindingEntity, sort: FindingSort): FindingCursor {
  return sort === FindingSort.Severity
    ? { sort, severity: row.severity as Severity, seq: row.seq }
    : { sort, seq: row.seq };
}
