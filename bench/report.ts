import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_FORMATS, type ReportFormat } from '../src/reports/render-report';
import { machine } from './api/report';
import { measureInChild } from './collect/child-process';
import type { GeneratedInput, InputRequest } from './report/generate-input';
import type { MeasureRequest, ReportMeasurement } from './report/measure-report';

const DEFAULT_FINDINGS = [1_000, 10_000, 100_000];
const REPETITIONS = 3;
const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'report-results.json');
/** The targets for 100k findings. */
const PDF_TARGET_MS = 20_000;
const PDF_TARGET_MIB = 1024;
const MARKDOWN_TARGET_MS = 3_000;

interface ReportResult extends ReportMeasurement {
  findings: number;
  pods: number;
  format: ReportFormat;
  totalMs: number;
  /** Peak RSS of each repetition; `peakRssMiB` is the highest. */
  peakRssRuns: number[];
}

const progress = (message: string) => console.error(`[bench:report] ${message}`);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * One format of one input, each repetition in a fresh process (so that its peak RSS is its own, and each
 * starts cold, as a worker's first report does): median times, the highest peak.
 */
async function measureFormat(
  input: GeneratedInput,
  file: string,
  format: ReportFormat,
): Promise<ReportResult> {
  const runs: ReportMeasurement[] = [];
  for (let run = 0; run < REPETITIONS; run++) {
    runs.push(
      await measureInChild<MeasureRequest, ReportMeasurement>(
        join(__dirname, 'report', 'measure-report.ts'),
        { file, format },
        ['--expose-gc'],
      ),
    );
  }
  const buildMs = median(runs.map((run) => run.buildMs));
  const renderMs = median(runs.map((run) => run.renderMs));
  return {
    findings: input.findings,
    pods: input.pods,
    format,
    buildMs,
    renderMs,
    totalMs: median(runs.map((run) => run.buildMs + run.renderMs)),
    inputRssMiB: median(runs.map((run) => run.inputRssMiB)),
    peakRssMiB: Math.max(...runs.map((run) => run.peakRssMiB)),
    peakRssRuns: runs.map((run) => run.peakRssMiB),
    outputBytes: runs[0]!.outputBytes,
    pages: runs[0]!.pages,
  };
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');

function printTable(results: readonly ReportResult[]): void {
  const columns: [string, (result: ReportResult) => string][] = [
    ['findings', (r) => int(r.findings)],
    ['pods', (r) => int(r.pods)],
    ['format', (r) => r.format],
    ['build ms', (r) => int(r.buildMs)],
    ['render ms', (r) => int(r.renderMs)],
    ['total ms', (r) => int(r.totalMs)],
    ['input RSS MiB', (r) => int(r.inputRssMiB)],
    ['peak RSS MiB', (r) => int(r.peakRssMiB)],
    ['output KiB', (r) => int(r.outputBytes / 1024)],
    ['pages', (r) => (r.pages === null ? '' : String(r.pages))],
  ];
  const rows = [
    columns.map(([title]) => title),
    ...results.map((result) => columns.map(([, cell]) => cell(result))),
  ];
  const widths = columns.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length)));
  for (const row of rows) {
    console.log(row.map((cell, index) => cell.padStart(widths[index] ?? 0)).join('  '));
  }
}

/** The targets, checked on the largest input. */
function printTargets(results: readonly ReportResult[]): void {
  const largest = Math.max(...results.map((result) => result.findings));
  const pdf = results.find((result) => result.findings === largest && result.format === 'pdf');
  const markdown = results.find((result) => result.findings === largest && result.format === 'md');
  const verdict = (met: boolean) => (met ? 'meets' : 'MISSES');
  if (pdf) {
    console.log(
      `PDF of ${int(largest)} findings: ${int(pdf.totalMs)} ms, peak ${int(pdf.peakRssMiB)} MiB ` +
        `(${verdict(pdf.totalMs < PDF_TARGET_MS && pdf.peakRssMiB < PDF_TARGET_MIB)} the < 20 s, < 1 GB target)`,
    );
  }
  if (markdown) {
    console.log(
      `Markdown of ${int(largest)} findings: ${int(markdown.totalMs)} ms ` +
        `(${verdict(markdown.totalMs < MARKDOWN_TARGET_MS)} the < 3 s target)`,
    );
  }
}

function parseCounts(args: readonly string[]): number[] {
  if (args.length === 0) {
    return DEFAULT_FINDINGS;
  }
  return args.map((arg) => {
    const count = Number(arg);
    if (!Number.isInteger(count) || count <= 0) {
      throw new Error(`not a finding count: ${arg}`);
    }
    return count;
  });
}

async function main(args: readonly string[]): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const results: ReportResult[] = [];
  for (const wanted of parseCounts(args)) {
    const file = join(OUT_DIR, `report-input-${wanted}.json`);
    progress(`generating about ${int(wanted)} findings`);
    const input = await measureInChild<InputRequest, GeneratedInput>(
      join(__dirname, 'report', 'generate-input.ts'),
      { findings: wanted, file },
    );
    progress(
      `${int(input.findings)} findings from ${int(input.pods)} pods (${input.inputMiB.toFixed(1)} MiB)`,
    );
    for (const format of REPORT_FORMATS) {
      progress(`measuring ${format}, ${REPETITIONS} runs`);
      results.push(await measureFormat(input, file, format));
    }
  }
  printTable(results);
  printTargets(results);
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ machine: machine(), results }, null, 2)}\n`);
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
