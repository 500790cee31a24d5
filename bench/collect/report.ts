import type { Machine } from '../api/report';
import type { CollectorResult } from './collector-process';
import type { Measurement } from './measurement';
import type { PlainLoopMeasurement } from './plain-loop-process';

/** The collector may take at most this much longer than the plain loop over the same pages. */
export const RATIO_TARGET = 1.3;

export interface Round {
  collector: CollectorResult;
  plain: PlainLoopMeasurement;
  /** CPU the fake API server spent answering each of the two. */
  serverCpuMs: { collector: number; plain: number };
  ratio: number;
}

export interface CollectBenchResults {
  date: string;
  machine: Machine;
  /** 1-minute load average before and after: the figures are only comparable from a quiet machine. */
  loadAverage: { before: number; after: number };
  pods: number;
  objectsServed: number;
  paths: number;
  concurrency: number;
  rounds: Round[];
  median: {
    collectorMs: number;
    plainMs: number;
    ratio: number;
    collectorCpuMs: number;
    plainCpuMs: number;
    peakRssMiB: number;
    peakRssWithEncodingMiB: number;
    storedBytes: number;
    jsonBytes: number;
    encodeMs: number;
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(rounds: readonly Round[]): CollectBenchResults['median'] {
  const of = (pick: (round: Round) => number) => median(rounds.map(pick));
  return {
    collectorMs: of((round) => round.collector.wallMs),
    plainMs: of((round) => round.plain.wallMs),
    ratio: of((round) => round.ratio),
    collectorCpuMs: of((round) => round.collector.cpuMs),
    plainCpuMs: of((round) => round.plain.cpuMs),
    peakRssMiB: of((round) => round.collector.peakRssMiB),
    peakRssWithEncodingMiB: of((round) => round.collector.peakRssWithEncodingMiB),
    storedBytes: of((round) => round.collector.storedBytes),
    jsonBytes: of((round) => round.collector.jsonBytes),
    encodeMs: of((round) => round.collector.encodeMs),
  };
}

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function printRun(title: string, run: Measurement, serverCpuMs: number, extra = ''): void {
  console.log(
    `    ${title.padEnd(15)} ${int(run.wallMs).padStart(6)} ms  CPU ${int(run.cpuMs).padStart(6)} ms  ` +
      `server CPU ${int(serverCpuMs).padStart(6)} ms  RSS ${int(run.startRssMiB)} → ${int(run.peakRssMiB)} MiB${extra}`,
  );
}

export function printResults(results: CollectBenchResults): void {
  console.log(
    `\nCollection of ${int(results.pods)} pods (${int(results.objectsServed)} objects, ${results.paths} ` +
      `collection paths), ${results.concurrency} lists at a time over HTTPS keep-alive; load average ` +
      `${results.loadAverage.before.toFixed(1)} before, ${results.loadAverage.after.toFixed(1)} after`,
  );
  results.rounds.forEach((round, index) => {
    console.log(`  round ${index + 1}: ratio ${round.ratio.toFixed(2)}`);
    printRun('collectCluster', round.collector, round.serverCpuMs.collector);
    const pages = `  ${int(round.plain.pages)} pages, ${mib(round.plain.bytes)} received`;
    printRun('plain loop', round.plain, round.serverCpuMs.plain, pages);
  });
  const { median: m } = results;
  const verdict = m.ratio <= RATIO_TARGET ? 'meets' : 'MISSES';
  console.log(
    `  median: collectCluster ${int(m.collectorMs)} ms, plain loop ${int(m.plainMs)} ms, ratio ` +
      `${m.ratio.toFixed(2)} (${verdict} the ${RATIO_TARGET}× target); CPU ${int(m.collectorCpuMs)} against ` +
      `${int(m.plainCpuMs)} ms`,
  );
  console.log(
    `  collecting process: peak RSS ${int(m.peakRssMiB)} MiB collecting, ${int(m.peakRssWithEncodingMiB)} MiB ` +
      `with the snapshot encoded; stored ${mib(m.storedBytes)} gzip of ${mib(m.jsonBytes)} JSON, encoded in ` +
      `${int(m.encodeMs)} ms`,
  );
}
