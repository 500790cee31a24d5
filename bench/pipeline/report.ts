import { type PipelineResult, STAGES } from './assess';
import type { QueryResult } from './queries';

const STAGES_TARGET_MS = 60_000;
const INSERT_TARGET = 20_000;
const LIST_P99_TARGET_MS = 100;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'meets' : 'MISSES');

export function printPipeline(result: PipelineResult): void {
  console.log(`\nPipeline: ${int(result.pods)} pods, ${int(result.objects)} objects`);
  console.log(`  upload ${(result.uploadBytes / 1_048_576).toFixed(1)} MiB in ${ms(result.uploadMs)}`);
  result.runs.forEach((run, index) => {
    const stages = STAGES.map((stage) => `${stage} ${ms(run.timings[stage] ?? Number.NaN)}`).join(', ');
    console.log(`  assessment ${index + 1}: ${stages}`);
    console.log(
      `    stages ${ms(run.stagesMs)} (${verdict(run.stagesMs < STAGES_TARGET_MS)} the 60 s target), ` +
        `started → finished ${ms(run.runMs)}; ${int(run.findings)} findings, ` +
        `${int(run.findingsPerSecond)} rows/s (${verdict(run.findingsPerSecond >= INSERT_TARGET)} 20k rows/s); ` +
        `worker peak RSS ${int(run.workerPeakRssMiB)} MiB`,
    );
  });
  console.log(`  ${int(result.findingsInDatabase)} findings in the database`);
}

export function printQueries(results: readonly QueryResult[]): void {
  console.log(`\nFindings queries, one request at a time over a kept-alive connection:`);
  for (const result of results) {
    const listing = !result.title.startsWith('facets');
    const target = listing ? ` (${verdict(result.p99Ms < LIST_P99_TARGET_MS)} p99 < 100 ms)` : '';
    console.log(
      `  ${result.title.padEnd(30)} ${String(result.requests).padStart(4)} requests  p50 ${ms(result.p50Ms)}  ` +
        `p99 ${ms(result.p99Ms)}  max ${ms(result.maxMs)}  ${int(result.items)} items, ` +
        `${int(result.bytes)} bytes${target}`,
    );
  }
}
