import { readFileSync } from 'node:fs';
import { buildReport } from '../../src/reports/build-report';
import { type ReportFormat, renderReport } from '../../src/reports/render-report';
import type { ReportInput } from '../../src/reports/report-input';
import { memoryMiB } from '../collect/child-process';
import { answerOnce } from '../collect/measurement';

export interface MeasureRequest {
  file: string;
  format: ReportFormat;
}

export interface ReportMeasurement {
  buildMs: number;
  renderMs: number;
  /** RSS with the input loaded, just before building: what a worker holds before it renders. */
  inputRssMiB: number;
  /** The kernel's high-water mark of this process's RSS, input loading included. */
  peakRssMiB: number;
  outputBytes: number;
  /** Page objects of the PDF; none for Markdown. */
  pages: number | null;
}

/** Page objects in a PDF (`/Type /Page`, not the `/Pages` tree above them). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

/** Builds and renders the report of the input in the file, timed apart. Reading the input is not timed. */
async function measureReport(request: MeasureRequest): Promise<ReportMeasurement> {
  const input = JSON.parse(readFileSync(request.file, 'utf8')) as ReportInput;
  globalThis.gc?.();
  const inputRssMiB = memoryMiB().rss;
  const started = performance.now();
  const model = buildReport(input);
  const built = performance.now();
  const output = await renderReport(request.format, model);
  const rendered = performance.now();
  return {
    buildMs: built - started,
    renderMs: rendered - built,
    inputRssMiB,
    peakRssMiB: memoryMiB().maxRss,
    outputBytes: output.length,
    pages: request.format === 'pdf' ? pdfPages(output) : null,
  };
}

answerOnce(measureReport);
