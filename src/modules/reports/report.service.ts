import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import type { Page, PageRequest } from '../../common/http/paging';
import { AssessmentRepository } from '../assessments/assessment.repository';
import { AssessmentStatus } from '../assessments/entities/assessment.entity';
import type { TenantScope } from '../auth/caller';
import { type ReportEntity, ReportStatus } from './entities/report.entity';
import type { ReportFileFormat } from './report-file-format';
import { ReportQueue } from './report-queue';
import { type ReportFilter, ReportRepository } from './report.repository';

export interface ReportRequest {
  format: ReportFileFormat;
  confidentiality: string;
  /** The API key asking. */
  requestedBy: string;
}

@Injectable()
export class ReportService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly assessments: AssessmentRepository,
    private readonly queue: ReportQueue,
  ) {}

  /**
   * Records a queued report of a succeeded assessment and enqueues its rendering. Each request is a new
   * report: it shows the findings' triage as it stands when rendered, and earlier reports stay as they were.
   */
  async request(scope: TenantScope, assessmentId: string, request: ReportRequest): Promise<ReportEntity> {
    const assessment = await this.assessments.findForScope(scope, assessmentId);
    if (!assessment) {
      throw DomainError.notFound('assessment');
    }
    if (assessment.status !== AssessmentStatus.Succeeded) {
      throw new DomainError(
        ErrorCode.AssessmentNotSucceeded,
        `the assessment is ${assessment.status}: only succeeded assessments are reported`,
      );
    }
    const report = await this.reports.insert({
      organizationId: assessment.organizationId,
      assessmentId: assessment.id,
      engagementId: assessment.engagementId,
      clusterId: assessment.clusterId,
      format: request.format,
      confidentiality: request.confidentiality,
      createdBy: request.requestedBy,
    });
    try {
      await this.queue.enqueueRender(report.id);
    } catch (error) {
      // Not deleted: the attempt stays visible next to its audit event, and no row waits for a missing job.
      // The caller's answer stays the queue's 503 even if recording this fails too.
      await this.reports.fail(report.id, 'the report could not be queued').catch(() => undefined);
      throw error;
    }
    return report;
  }

  async get(scope: TenantScope, id: string): Promise<ReportEntity> {
    const report = await this.reports.findForScope(scope, id);
    if (!report) {
      throw DomainError.notFound('report');
    }
    return report;
  }

  list(scope: TenantScope, filter: ReportFilter, page: PageRequest): Promise<Page<ReportEntity>> {
    return this.reports.listForScope(scope, filter, page);
  }

  /** A report that may be downloaded or shared: visible to the scope and ready (409 otherwise). */
  async ready(scope: TenantScope, id: string): Promise<ReportEntity> {
    const report = await this.get(scope, id);
    if (report.status !== ReportStatus.Ready) {
      throw notReady(report);
    }
    return report;
  }
}

function notReady(report: ReportEntity): DomainError {
  return new DomainError(
    ErrorCode.ReportNotReady,
    report.status === ReportStatus.Failed
      ? 'the report failed to render; request a new one'
      : `the report is ${report.status}; try again shortly`,
  );
}
