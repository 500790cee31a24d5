import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Controller, type DynamicModule, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiClient, assess, createTarget, manifestFiles } from './client';
import {
  CONNECTIONS,
  loadInChild,
  type LoadResult,
  type LoadSpec,
  MEASURE_SECONDS,
  WARMUP_SECONDS,
} from './load';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
/** Rounds of (bare route, API route): this shared machine's speed drifts from minute to minute. */
const ROUNDS = 3;

export interface Round {
  assessment: LoadResult;
  bare: LoadResult;
  /** Requests/s of GET /v1/assessments/:id over the bare route's, measured back to back. */
  ratio: number;
}

export interface ThroughputResult {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  responseBytes: number;
  /** The round with the median ratio. */
  median: Round;
  rounds: Round[];
}

export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

/** One @Controller returning a constant: no guard, pipe, interceptor, middleware or database. */
function bareModule(body: unknown): DynamicModule {
  @Controller('bare')
  class BareController {
    @Get()
    get(): unknown {
      return body;
    }
  }
  @Module({ controllers: [BareController] })
  class BareModule {}
  return { module: BareModule };
}

/** An assessment of examples/, run by the worker; returns its id. */
async function assessExamples(client: ApiClient, progress: (message: string) => void): Promise<string> {
  progress('assessing examples/');
  const target = await createTarget(client, 'shop');
  const yaml = manifestFiles(EXAMPLES)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n---\n');
  await client.request('POST', `/v1/clusters/${target.clusterId}/snapshots`, yaml, 'application/yaml');
  return (await assess(client, target)).id;
}

async function measureRound(bare: LoadSpec, assessment: LoadSpec): Promise<Round> {
  const bareResult = await loadInChild(bare);
  const assessmentResult = await loadInChild(assessment);
  return {
    assessment: assessmentResult,
    bare: bareResult,
    ratio: assessmentResult.requestsPerSecond / bareResult.requestsPerSecond,
  };
}

/**
 * GET /v1/assessments/:id against a bare Nest app in the same process that returns the very JSON the API
 * returned for it, so both serialize and send the same bytes.
 */
export async function throughput(
  client: ApiClient,
  progress: (message: string) => void,
): Promise<ThroughputResult> {
  const path = `/v1/assessments/${await assessExamples(client, progress)}`;
  const body = await client.request<unknown>('GET', path);
  const bare = await NestFactory.create(bareModule(body), { logger: false });
  try {
    const bareSpec = { title: 'bare Nest route', url: `${await listen(bare)}/bare`, headers: {} };
    const assessmentSpec = {
      title: 'GET /v1/assessments/:id',
      url: `${client.baseUrl}${path}`,
      headers: { authorization: `Bearer ${client.key}` },
    };
    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`round ${round}/${ROUNDS}: the bare route, then GET /v1/assessments/:id`);
      rounds.push(await measureRound(bareSpec, assessmentSpec));
    }
    const byRatio = [...rounds].sort((a, b) => a.ratio - b.ratio);
    return {
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      durationSeconds: MEASURE_SECONDS,
      responseBytes: Buffer.byteLength(JSON.stringify(body)),
      median: byRatio[Math.floor(byRatio.length / 2)]!,
      rounds,
    };
  } finally {
    await bare.close();
  }
}
