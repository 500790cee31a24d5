import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { buildReport } from '../../../reports/build-report';
import { renderReport } from '../../../reports/render-report';
import { FILE_FORMATS } from '../report-file-format';
import { ReportRepository } from '../report.repository';
import { ReportInputs } from './report-inputs';

/** Renders a queued report and stores its bytes and their sha256, once. */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly reports: ReportRepository,
    private readonly inputs: ReportInputs,
  ) {}

  /** Renders the report unless it is already ready or failed (a repeated job does nothing). */
  async render(reportId: string): Promise<void> {
    const report = await this.reports.startRendering(reportId);
    if (!report) {
      return;
    }
    const model = buildReport(await this.inputs.forReport(report));
    const content = await renderReport(FILE_FORMATS[report.format].renderAs, model);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.reports.finish(report.id, content, sha256, new Date());
  }

  fail(reportId: string, failure: string): Promise<void> {
    return this.reports.fail(reportId, failure);
  }
}
