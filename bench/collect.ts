import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KUBE_HTTP_OPTIONS } from '../src/collectors/kubernetes/kube-http';
import { PAGE_SIZE } from '../src/collectors/kubernetes/list-resource';
import { machine } from './api/report';
import { forkBench, measureInChild, nextMessage } from './collect/child-process';
import type { CollectorInput, CollectorResult } from './collect/collector-process';
import type { FakeKubeAnswer, FakeKubeQuestion, FakeKubeReady } from './collect/fake-kube-process';
import type { PlainLoopInput } from './collect/plain-loop';
import type { PlainLoopMeasurement } from './collect/plain-loop-process';
import { type CollectBenchResults, printResults, type Round, summarize } from './collect/report';

const DEFAULT_PODS = 50_000;
const ROUNDS = 3;
const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'collect-results.json');
const PROFILE_DIR = join(OUT_DIR, 'profiles');
const FAKE_KUBE = join(__dirname, 'collect', 'fake-kube-process.ts');
const COLLECTOR = join(__dirname, 'collect', 'collector-process.ts');
const PLAIN_LOOP = join(__dirname, 'collect', 'plain-loop-process.ts');

const progress = (message: string) => console.error(`[bench:collect] ${message}`);

function ask<T extends FakeKubeAnswer['type']>(
  fake: ChildProcess,
  type: T,
): Promise<Extract<FakeKubeAnswer, { type: T }>> {
  const answer = nextMessage<Extract<FakeKubeAnswer, { type: T }>>(
    fake,
    (message) => (message as { type?: string }).type === type,
  );
  fake.send({ type } satisfies FakeKubeQuestion);
  return answer;
}

/** Runs `work` and returns it with the CPU the fake API server spent meanwhile. */
async function withServerCpu<T>(fake: ChildProcess, work: () => Promise<T>): Promise<[T, number]> {
  const before = (await ask(fake, 'cpu')).cpuMs;
  const value = await work();
  return [value, (await ask(fake, 'cpu')).cpuMs - before];
}

interface Runs {
  collector: () => Promise<CollectorResult>;
  plain: () => Promise<PlainLoopMeasurement>;
}

/** Alternating which goes first, so a drift of the machine's speed does not favour one of the two. */
async function round(fake: ChildProcess, runs: Runs, collectorFirst: boolean): Promise<Round> {
  const collect = () => withServerCpu(fake, runs.collector);
  const plain = () => withServerCpu(fake, runs.plain);
  let collected: [CollectorResult, number];
  let fetched: [PlainLoopMeasurement, number];
  if (collectorFirst) {
    collected = await collect();
    fetched = await plain();
  } else {
    fetched = await plain();
    collected = await collect();
  }
  const [collector, collectorServerCpu] = collected;
  const [plainLoop, plainServerCpu] = fetched;
  if (collector.coverageGaps > 0 || collector.objects !== plainLoop.objects) {
    throw new Error(
      `the two fetched different things: collector ${collector.objects} objects and ${collector.coverageGaps} ` +
        `gaps, plain loop ${plainLoop.objects} objects`,
    );
  }
  return {
    collector,
    plain: plainLoop,
    serverCpuMs: { collector: collectorServerCpu, plain: plainServerCpu },
    ratio: collector.wallMs / plainLoop.wallMs,
  };
}

/**
 * One warm-up collection (not counted: it warms the server and shows which paths the collector lists), then
 * the two measurements, each in a fresh child given what it needs to reach the fake.
 */
async function prepareRuns(fake: ChildProcess, ready: FakeKubeReady, profile: boolean) {
  const profiled = (name: string) =>
    profile ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : [];
  const collectorInput: CollectorInput = { kubeconfig: ready.kubeconfig };
  const collector = () =>
    measureInChild<CollectorInput, CollectorResult>(COLLECTOR, collectorInput, profiled('collector'));
  await collector();
  const { paths } = await ask(fake, 'listPaths');
  const plainInput: PlainLoopInput = {
    url: ready.url,
    caPem: ready.caPem,
    token: ready.token,
    paths,
    concurrency: DEFAULT_KUBE_HTTP_OPTIONS.maxSockets,
    pageSize: PAGE_SIZE,
  };
  const plain = () =>
    measureInChild<PlainLoopInput, PlainLoopMeasurement>(PLAIN_LOOP, plainInput, profiled('plain-loop'));
  return { runs: { collector, plain } satisfies Runs, paths };
}

async function main(pods: number, profile: boolean): Promise<void> {
  const loadBefore = loadavg()[0] as number;
  progress(`generating ${pods.toLocaleString('en-US')} pods and starting the fake API server in a child`);
  const fake = forkBench(FAKE_KUBE, [String(pods)]);
  try {
    const ready = await nextMessage<FakeKubeReady>(
      fake,
      (message) => (message as { type?: string }).type === 'ready',
    );
    progress('warm-up collection');
    const { runs, paths } = await prepareRuns(fake, ready, profile);
    const rounds: Round[] = [];
    for (let index = 0; index < ROUNDS; index++) {
      progress(`round ${index + 1} of ${ROUNDS}`);
      rounds.push(await round(fake, runs, index % 2 === 0));
    }
    const results: CollectBenchResults = {
      date: new Date().toISOString(),
      machine: machine(),
      loadAverage: { before: loadBefore, after: loadavg()[0] as number },
      pods,
      objectsServed: ready.objects,
      paths: paths.length,
      concurrency: DEFAULT_KUBE_HTTP_OPTIONS.maxSockets,
      rounds,
      median: summarize(rounds),
    };
    printResults(results);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    progress(`results written to ${RESULTS_FILE}${profile ? `, CPU profiles under ${PROFILE_DIR}` : ''}`);
  } finally {
    if (fake.connected) {
      fake.send({ type: 'stop' } satisfies FakeKubeQuestion);
    }
  }
}

/** `npm run bench:collect [-- PODS] [-- --profile]` */
const args = process.argv.slice(2);
const pods = Number(args.find((arg) => /^\d+$/.test(arg)) ?? DEFAULT_PODS);
main(pods, args.includes('--profile')).catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
