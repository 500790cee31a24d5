import { cpus, totalmem } from 'node:os';
import type { IngestResult } from './ingest';
import { CONNECTIONS, type LoadResult, MEASURE_SECONDS, WARMUP_SECONDS } from './load';
import type { ThroughputResult } from './throughput';

/** GET /v1/assessments/:id should serve at least half the bare route's requests per second. */
const THROUGHPUT_TARGET = 0.5;
const INSERT_TARGET = 20_000;
const STAGES = ['collecting', 'evaluating', 'persisting', 'scoring'];

export interface Machine {
  cpus: number;
  cpu: string;
  memoryGiB: number;
  node: string;
}

export function machine(): Machine {
  return {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const int = (value: number) => Math.round(value).toLocaleString('en-US');
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;

function printLoad(load: LoadResult): void {
  console.log(
    `    ${load.title.padEnd(24)} ${int(load.requestsPerSecond).padStart(6)} req/s  ` +
      `p50 ${ms(load.p50Ms)}  p99 ${ms(load.p99Ms)}  max ${ms(load.maxMs)}  ` +
      `server CPU ${load.serverCpuMsPerRequest.toFixed(3)} ms/request`,
  );
}

export function printThroughput(result: ThroughputResult): void {
  console.log(
    `\nThroughput: ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s per ` +
      `measurement, ${int(result.responseBytes)}-byte JSON body`,
  );
  result.rounds.forEach((round, index) => {
    console.log(`  round ${index + 1}: ratio ${percent(round.ratio)}`);
    printLoad(round.assessment);
    printLoad(round.bare);
  });
  const verdict = result.median.ratio >= THROUGHPUT_TARGET ? 'meets' : 'BELOW';
  console.log(
    `  median ratio ${percent(result.median.ratio)} of the bare route (${verdict} the 50 % target)`,
  );
}

export function printIngest(result: IngestResult): void {
  console.log(`\nIngest + assess: ${int(result.pods)} pods, ${int(result.objects)} objects`);
  console.log(
    `  upload ${(result.uploadBytes / 1_048_576).toFixed(1)} MiB in ${ms(result.uploadMs)} ` +
      `(stored gzip ${(result.storedBytes / 1_048_576).toFixed(1)} MiB)`,
  );
  for (const stage of STAGES) {
    console.log(`  ${stage.padEnd(11)} ${ms(result.timings[stage] ?? Number.NaN)}`);
  }
  console.log(`  stages ${ms(result.stagesMs)}, started → finished ${ms(result.runMs)}`);
  const verdict = result.findingsPerSecond >= INSERT_TARGET ? 'meets' : 'BELOW';
  console.log(
    `  ${int(result.findings)} findings, ${int(result.findingsPerSecond)} rows/s while persisting ` +
      `(${verdict} the 20k rows/s target); peak RSS ${int(result.peakRssMb)} MB`,
  );
}
