import { benchDatabase } from './support/bench-database';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../src/common/queue/queues';
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
/** Leaves the database in place (and prints its URL) for EXPLAIN ANALYZE of the findings queries. */
const KEEP_DATABASE = '--keep-database';

const progress = (message: string) => console.error(`[bench:pipeline] ${message}`);

/**
 * The API in this process and the worker in its own, on a fresh database: a 50k-pod snapshot assessed three
 * times, then the findings listing and facets of the last assessment timed with ~240k findings stored.
 */
async function main(keepDatabase: boolean): Promise<void> {
  const database = benchDatabase();
  const { config } = database;
  let api: INestApplication | undefined;
  let worker: WorkerProcess | undefined;
  try {
    progress(`starting the API on ${database.name}`);
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
      await database.drop();
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
