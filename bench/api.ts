import { benchDatabase } from './support/bench-database';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../src/app.module';
import { QueueName } from '../src/common/queue/queues';
import { createApi } from '../src/http/create-api';
import { ApiKeyService } from '../src/modules/auth/api-key.service';
import { Role } from '../src/modules/auth/role';
import { ApiClient } from './api/client';
import { ingest, type IngestResult } from './api/ingest';
import { type Machine, machine, printIngest, printThroughput } from './api/report';
import { listen, throughput, type ThroughputResult } from './api/throughput';

const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'api-results.json');

enum Part {
  Throughput = 'throughput',
  Ingest = 'ingest',
}

interface ApiBenchResults {
  date: string;
  machine: Machine;
  throughput?: ThroughputResult;
  ingest?: IngestResult;
}

const progress = (message: string) => console.error(`[bench:api] ${message}`);

async function measure(client: ApiClient, databaseUrl: string, parts: readonly Part[]) {
  const results: ApiBenchResults = { date: new Date().toISOString(), machine: machine() };
  if (parts.includes(Part.Throughput)) {
    results.throughput = await throughput(client, progress);
    printThroughput(results.throughput);
  }
  if (parts.includes(Part.Ingest)) {
    results.ingest = await ingest(client, databaseUrl, progress);
    printIngest(results.ingest);
  }
  return results;
}

/** The API and a worker in this process, on a fresh database; an admin key minted as the CLI does. */
async function main(parts: readonly Part[]): Promise<void> {
  const database = benchDatabase();
  const { config } = database;
  let api: INestApplication | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    progress(`starting the API on ${database.name}`);
    api = await createApi(config);
    api.useLogger(false);
    const baseUrl = await listen(api);
    worker = await NestFactory.createApplicationContext(AppModule.worker(config), { logger: false });
    const key = (await api.get(ApiKeyService).create({ name: 'bench', role: Role.Admin })).key;
    const results = await measure(new ApiClient(baseUrl, key), config.databaseUrl, parts);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
    await database.drop();
  }
}

function parseParts(args: readonly string[]): Part[] {
  const known = Object.values(Part) as string[];
  const unknown = args.filter((arg) => !known.includes(arg));
  if (unknown.length > 0) {
    throw new Error(`unknown part ${unknown.join(', ')}: expected ${known.join(' and/or ')}`);
  }
  return args.length === 0 ? Object.values(Part) : (args as Part[]);
}

Promise.resolve(process.argv.slice(2))
  .then((args) => main(parseParts(args)))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
