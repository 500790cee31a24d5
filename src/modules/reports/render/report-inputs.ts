import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import type { ReportChanges, ReportInput } from '../../../reports/report-input';
import { AssessmentRepository } from '../../assessments/assessment.repository';
import { AssessmentDiffService } from '../../assessments/diff/assessment-diff.service';
import type { TenantScope } from '../../auth/caller';
import { CheckCatalog } from '../../checks/check-catalog';
import type { ReportEntity } from '../entities/report.entity';
import { ReportSourcesRepository } from './report-sources.repository';

/** Who the reports are from: the configured name and logo. */
export const CONSULTANCY = Symbol('CONSULTANCY');

/** The worker reads every assessment, whoever asked for the report (the API checked the asker's scope). */
const WORKER_SCOPE: TenantScope = { kind: 'all' };

/** Assembles a report's input from the stored assessment, its findings as triaged now, and its comparison. */
@Injectable()
export class ReportInputs {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly sources: ReportSourcesRepository,
    private readonly diffs: AssessmentDiffService,
    private readonly catalog: CheckCatalog,
    @Inject(CONSULTANCY) private readonly consultancy: ReportInput['consultancy'],
  ) {}

  async forReport(report: ReportEntity): Promise<ReportInput> {
    const assessment = await this.assessments.findForScope(WORKER_SCOPE, report.assessmentId);
    if (!assessment?.finishedAt || !assessment.summary || !assessment.scores || !assessment.checkResults) {
      throw new Error(`assessment ${report.assessmentId} has no results to report`);
    }
    const [parties, findings, changes] = await Promise.all([
      this.sources.parties(assessment.id),
      this.sources.findings(assessment.id),
      this.changes(assessment.id),
    ]);
    return {
      reportId: report.id,
      assessedAt: assessment.finishedAt.toISOString(),
      consultancy: this.consultancy,
      client: parties.client,
      engagement: parties.engagement,
      cluster: parties.cluster,
      confidentiality: report.confidentiality,
      catalog: this.catalog.checks.map((check) => check.meta),
      summary: assessment.summary,
      scores: assessment.scores,
      checkResults: assessment.checkResults,
      findings,
      coverageGaps: assessment.coverageGaps,
      inputErrors: assessment.inputErrors,
      exceptions: assessment.exceptions,
      ...(changes && { changes }),
    };
  }

  /** The comparison with the cluster's previous succeeded assessment; none for its first. */
  private async changes(assessmentId: string): Promise<ReportChanges | undefined> {
    try {
      const diff = await this.diffs.diff(WORKER_SCOPE, assessmentId, { limit: 1 });
      const baseline = await this.assessments.findForScope(WORKER_SCOPE, diff.againstId);
      return {
        againstDate: baseline!.finishedAt!.toISOString(),
        new: diff.new.count,
        fixed: diff.fixed.count,
        persisting: diff.persisting.count,
        regressed: diff.regressed.count,
        notAssessed: diff.notAssessed.count,
      };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.DiffBaselineMissing) {
        return undefined;
      }
      throw error;
    }
  }
}
