import { renderMarkdownReport } from './markdown/render-markdown';
import { renderPdfReport } from './pdf/render-pdf';
import type { ReportModel } from './report-model';

/** The formats a report renders to; the CLI offers each as `--format`. */
export const REPORT_FORMATS = ['md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One model, one rendering per format: the bytes of the report, the same bytes for the same model. */
export async function renderReport(format: ReportFormat, model: ReportModel): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Promise.resolve(Buffer.from(renderMarkdownReport(model), 'utf8'));
    case 'pdf':
      return renderPdfReport(model);
  }
}
