import type { ReportFormat } from '../../reports/render-report';

/** The formats the API offers (DESIGN.md §4 names them `markdown` and `pdf`). */
export enum ReportFileFormat {
  Markdown = 'markdown',
  Pdf = 'pdf',
}

interface FileFormat {
  /** The renderer's name for it (the CLI's `--format`). */
  renderAs: ReportFormat;
  contentType: string;
  extension: string;
}

export const FILE_FORMATS: Record<ReportFileFormat, FileFormat> = {
  [ReportFileFormat.Markdown]: {
    renderAs: 'md',
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
  },
  [ReportFileFormat.Pdf]: { renderAs: 'pdf', contentType: 'application/pdf', extension: 'pdf' },
};

/**
 * The download's file name: the report's id (the same id its cover prints), so files of several reports never
 * collide, and nothing a client's cluster named can reach a header.
 */
export function reportFileName(report: { id: string; format: ReportFileFormat }): string {
  return `kubeassay-report-${report.id}.${FILE_FORMATS[report.format].extension}`;
}
