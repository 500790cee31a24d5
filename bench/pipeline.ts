import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { QueueName } from '../src/common/queue/queues';
import { type AppConfig, loadConfig } from '../src/config/config';
import { createApi } from '../src/http/create-api';
import { ApiKeyService } from '../src/modules/auth/api-key.service';
import { Role } from '../src/modules/auth/role';
import { ApiClient } from './api/client';
import { machine } from './api/report';
import { listen } from './api/throughput';
import { runPipeline } from './pipeline/assess';
import { measureQueries } from './pipeline/queries';
import { printPipeline, printQueries } from './pipeline/report';
import { TimedGet } from './pipeline/timed-get';
import { WorkerProcess } from './pipeline/worker';

const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'pipeline-results.json');
const POSTGRES = 'postgres://postgres@127.0.0.1:5432';
/** A 50k-pod JSON snapshot is ~250 MB. */
const SNAPSHOT_MAX_BYTES = 512 * 1024 * 1024;
/** Leaves the database in place (and prints its URL) for EXPLAIN ANALYZE of the findings queries. */
const KEEP_DATABASE = '--keep-database';

const progress = (message: string) => console.error(`[bench:pipeline] ${message}`);

function benchConfig(databaseUrl: string, suffix: string): AppConfig {
  return loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    KUBEASSAY_QUEUE_PREFIX: `kubeassay-bench-${suffix}`,
    KUBEASSAY_SNAPSHOT_MAX_BYTES: String(SNAPSHOT_MAX_BYTES),
  });
}

async function dropDatabase(name: string): Promise<void> {
  const client = new Client({ connectionString: `${POSTGRES}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The API in this process and the worker in its own, on a fresh database: a 50k-pod snapshot assessed three
 * times, then the findings listing and facets of the last assessment timed with ~240k findings stored.
 */
async function main(keepDatabase: boolean): Promise<void> {
  const suffix = randomBytes(6).toString('hex');
  const database = `kubeassay_bench_${suffix}`;
  const config = benchConfig(`${POSTGRES}/${database}`, suffix);
  let api: INestApplication | undefined;
  let worker: WorkerProcess | undefined;
  try {
    progress(`starting the API on ${database}`);
    api = await createApi(config);
    api.useLogger(false);
    const baseUrl = await listen(api);
    worker = new WorkerProcess(config);
    const key = (await api.get(ApiKeyService).create({ name: 'bench', role: Role.Admin })).key;
    const pipeline = await runPipeline(new ApiClient(baseUrl, key), worker, config.databaseUrl, progress);
    printPipeline(pipeline);
    const http = new TimedGet(baseUrl, key);
    const queries = await measureQueries(
      http,
      pipeline.runs[pipeline.runs.length - 1]!.assessmentId,
      progress,
    );
    http.close();
    printQueries(queries);
    mkdirSync(OUT_DIR, { recursive: true });
    const results = { date: new Date().toISOString(), machine: machine(), pipeline, queries };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    await worker?.stop();
    await api?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await api?.close();
    if (keepDatabase) {
      console.log(`database kept: ${config.databaseUrl}`);
    } else {
      await dropDatabase(database);
    }
  }
}

function parseArguments(args: readonly string[]): boolean {
  const unknown = args.filter((arg) => arg !== KEEP_DATABASE);
  if (unknown.length > 0) {
    throw new Error(`unknown argument ${unknown.join(', ')}: the only option is ${KEEP_DATABASE}`);
  }
  return args.includes(KEEP_DATABASE);
}

Promise.resolve(process.argv.slice(2))
  .then((args) => main(parseArguments(args)))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
