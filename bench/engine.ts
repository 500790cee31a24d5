import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalog } from '../src/engine/checks/catalog';
import type { SourcedObject } from '../src/engine/inventory/inventory';
import { toKubeObject } from '../src/engine/inventory/kube-object';
import { scan } from '../src/engine/scan';
import { generateCluster } from './synthetic/cluster';

const DEFAULT_SIZES = [5000, 20000, 50000];
const REPETITIONS = 3;
const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'engine-results.json');
const GENERATE = '--generate';
const MEASURE = '--measure';

interface Generated {
  generateMs: number;
}

interface Measured {
  pods: number;
  objects: number;
  checks: number;
  fileMb: number;
  parseMs: number;
  evaluationMs: number;
  /** CPU time (user + system, all threads): steadier than wall time on a shared machine. */
  parseCpuMs: number;
  evaluationCpuMs: number;
  findings: number;
  peakRssMb: number;
}

interface EngineResult extends Measured, Generated {
  evaluationToParse: number;
}

interface ParsedList {
  items: unknown[];
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

function timed<T>(work: () => T, samples: Sample[]): T {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  samples.push({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
  return value;
}

function clusterFile(pods: number): string {
  return join(OUT_DIR, `cluster-${pods}.json`);
}

function generate(pods: number): Generated {
  const started = performance.now();
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(clusterFile(pods), JSON.stringify(generateCluster(pods)));
  return { generateMs: performance.now() - started };
}

function parseList(text: string): ParsedList {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { items?: unknown }).items)) {
    throw new Error('the snapshot is not a List');
  }
  return value as ParsedList;
}

/** Reading the file is left out of the parse time: the comparison is with JSON.parse alone. */
function parseFile(file: string, parses: Sample[]): ParsedList {
  const text = readFileSync(file, 'utf8');
  return timed(() => parseList(text), parses);
}

/** Converting raw items to KubeObjects is part of evaluation: every source has to do it before scanning. */
function evaluate(items: readonly unknown[]): number {
  const objects: SourcedObject[] = [];
  for (const item of items) {
    const checked = toKubeObject(item);
    if ('problem' in checked) {
      throw new Error(`synthetic object rejected: ${checked.problem}`);
    }
    objects.push({ object: checked.object });
  }
  return scan(catalog, { objects }, {}).findings.length;
}

function countPods(items: readonly unknown[]): number {
  return items.filter((item) => (item as { kind?: unknown }).kind === 'Pod').length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function measure(pods: number): Measured {
  const file = clusterFile(pods);
  const parses: Sample[] = [];
  const evaluations: Sample[] = [];
  let findings = 0;
  let objects = 0;
  let podCount = 0;
  for (let run = 0; run < REPETITIONS; run++) {
    // Each pass starts from a collected heap so one pass's garbage does not bill the next.
    globalThis.gc?.();
    const list = parseFile(file, parses);
    findings = timed(() => evaluate(list.items), evaluations);
    objects = list.items.length;
    podCount = countPods(list.items);
  }
  return {
    pods: podCount,
    objects,
    checks: catalog.length,
    fileMb: statSync(file).size / 1_048_576,
    parseMs: median(parses.map((parse) => parse.wallMs)),
    evaluationMs: median(evaluations.map((evaluation) => evaluation.wallMs)),
    parseCpuMs: median(parses.map((parse) => parse.cpuMs)),
    evaluationCpuMs: median(evaluations.map((evaluation) => evaluation.cpuMs)),
    findings,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

/** Runs one step in a fresh process, so each size's peak RSS is its own and not the generator's. */
function runChild<T>(step: string, pods: number): Promise<T> {
  const child = fork(__filename, [step, String(pods)], {
    execArgv: ['--expose-gc', '-r', require.resolve('ts-node/register/transpile-only')],
  });
  return new Promise<T>((resolve, reject) => {
    let result: T | undefined;
    child.on('message', (message) => {
      result = message as T;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result === undefined) {
        reject(new Error(`${step} ${pods} exited with ${signal ?? `code ${code}`} before reporting`));
      } else {
        resolve(result);
      }
    });
  });
}

async function benchmark(pods: number): Promise<EngineResult> {
  const generated = await runChild<Generated>(GENERATE, pods);
  const measured = await runChild<Measured>(MEASURE, pods);
  return { ...measured, ...generated, evaluationToParse: measured.evaluationMs / measured.parseMs };
}

function printTable(results: readonly EngineResult[]): void {
  const columns: [string, (result: EngineResult) => string][] = [
    ['pods', (r) => String(r.pods)],
    ['objects', (r) => String(r.objects)],
    ['checks', (r) => String(r.checks)],
    ['file MB', (r) => r.fileMb.toFixed(1)],
    ['parse ms', (r) => r.parseMs.toFixed(0)],
    ['evaluation ms', (r) => r.evaluationMs.toFixed(0)],
    ['eval/parse', (r) => r.evaluationToParse.toFixed(2)],
    ['parse CPU ms', (r) => r.parseCpuMs.toFixed(0)],
    ['eval CPU ms', (r) => r.evaluationCpuMs.toFixed(0)],
    ['findings', (r) => String(r.findings)],
    ['peak RSS MB', (r) => r.peakRssMb.toFixed(0)],
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

function parseSizes(args: readonly string[]): number[] {
  if (args.length === 0) {
    return DEFAULT_SIZES;
  }
  return args.map((arg) => {
    const size = Number(arg);
    if (!Number.isInteger(size) || size <= 0) {
      throw new Error(`not a pod count: ${arg}`);
    }
    return size;
  });
}

async function main(args: readonly string[]): Promise<void> {
  const results: EngineResult[] = [];
  for (const pods of parseSizes(args)) {
    console.error(`benchmarking ${pods} pods...`);
    results.push(await benchmark(pods));
  }
  printTable(results);
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results));
}

function runStep(step: string, pods: number): void {
  const result = step === GENERATE ? generate(pods) : measure(pods);
  process.send?.(result, undefined, {}, () => process.disconnect());
}

const [step, size] = process.argv.slice(2);
if ((step === GENERATE || step === MEASURE) && size !== undefined) {
  runStep(step, Number(size));
} else {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
