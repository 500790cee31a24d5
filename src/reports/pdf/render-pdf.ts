import type { ReportModel } from '../report-model';
import { printPdf } from './pdf-printer';
import { reportDocument } from './report-document';

/** The PDF report: the same model always gives the same bytes; nothing is fetched or read but the fonts. */
export function renderPdfReport(model: ReportModel): Promise<Buffer> {
  return printPdf(reportDocument(model));
}
