import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Layer, Phase, Principle, Severity } from '../../engine/model';
import { AssessmentRepository } from '../assessments/assessment.repository';
import type { TenantScope } from '../auth/caller';
import { CheckCatalog } from '../checks/check-catalog';
import type { FindingDto } from './dto/finding.dto';
import type { FindingEntity } from './entities/finding.entity';
import { decodeCursor, encodeCursor } from './finding-cursor';
import type { TriageStatus } from './finding-status';
import { type FindingFilter, FindingRepository } from './finding.repository';

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

  /** A page of an assessment's findings in the order they were stored; 404 when the assessment is not visible. */
  async list(
    scope: TenantScope,
    assessmentId: string,
    filter: FindingFilter,
    page: { cursor?: string; limit: number },
  ): Promise<FindingPage> {
    const unknown = this.catalog.unknownIds(filter.checks ?? []);
    if (unknown.length > 0) {
      throw new DomainError(ErrorCode.UnknownCheck, `unknown check id: ${unknown.join(', ')}`);
    }
    const afterSeq = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    if (!(await this.assessments.existsForScope(scope, assessmentId))) {
      throw DomainError.notFound('assessment');
    }
    // One row more than the page tells whether another page follows.
    const rows = await this.findings.page(scope, assessmentId, filter, {
      limit: page.limit + 1,
      ...(afterSeq !== undefined && { afterSeq }),
    });
    const items = rows.slice(0, page.limit);
    return {
      items: items.map((row) => this.toDto(row)),
      nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!.seq) : null,
    };
  }

  private toDto(row: FindingEntity): FindingDto {
    const meta = this.catalog.meta(row.check);
    return {
      id: row.seq,
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
