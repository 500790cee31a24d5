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
import { type FakeJira, startFakeJira } from '../test/support/fake-jira';
import { ApiClient } from './api/client';
import { machine } from './api/report';
import { listen } from './api/throughput';
import { type PushContext, pushAll, pushEachTwiceAtOnce, pushEngagement, type PushRound } from './jira/push';
import { type Checks, printResults, RATE_TARGET } from './jira/report';
import { addFindings, prepare } from './jira/scenario';
import { SyncQueueWatch } from './jira/sync-queue';
import { JiraWorker } from './jira/worker';

const OUT_DIR = join(__dirname, 'out');
const RESULTS_FILE = join(OUT_DIR, 'jira-results.json');
const PROFILE_DIR = join(OUT_DIR, 'jira-profile');
/** Writes the worker's CPU profile (`--cpu-prof`) to bench/out/jira-profile/. */
const PROFILE = '--profile';
/** The issue's scenario: every answer of Jira takes this long. */
const LATENCY_MS = 100;

const progress = (message: string) => console.error(`[bench:jira] ${message}`);

function check(jira: FakeJira, ticketIds: readonly string[]): Checks {
  const labelled = new Map<string, number>();
  for (const issue of jira.issues()) {
    for (const label of issue.labels) {
      labelled.set(label, (labelled.get(label) ?? 0) + 1);
    }
  }
  return {
    issues: jira.issues().length,
    ticketsWithOneIssue: ticketIds.filter((id) => labelled.get(`kubeassay-ticket-${id}`) === 1).length,
    overlappingWrites: jira.overlappingWrites(),
  };
}

/** Why the run does not show what the issue asks for, if it does not: exactly one issue per ticket, no overlap. */
function problems(rounds: readonly PushRound[], checks: Checks, tickets: number): string[] {
  const found: string[] = [];
  if (checks.issues !== tickets || checks.ticketsWithOneIssue !== tickets) {
    found.push(
      `${checks.issues} issues, ${checks.ticketsWithOneIssue} tickets with one issue (want ${tickets})`,
    );
  }
  if (checks.overlappingWrites.length > 0) {
    found.push(`overlapping writes on ${checks.overlappingWrites.join(', ')}`);
  }
  for (const round of rounds) {
    if (round.failed > 0) {
      found.push(`${round.title}: ${round.failed} tickets failed`);
    }
  }
  const [, unchanged, updated] = rounds;
  if (unchanged && unchanged.jiraCalls > 0) {
    found.push(`a push without changes called Jira ${unchanged.jiraCalls} times`);
  }
  if (updated && (updated.issuesEdited !== tickets || updated.issuesCreated > 0)) {
    found.push(
      `the update pushed twice edited ${updated.issuesEdited} issues and created ${updated.issuesCreated}`,
    );
  }
  return found;
}

/**
 * The API and the fake Jira in this process, the worker in its own, on a fresh database: 1,000 tickets pushed
 * to a Jira that answers every request after 100 ms, pushed again without changes, then given a new finding each
 * and each pushed twice at once (two requests per ticket together, whose writes to the issue must not overlap).
 */
async function main(profile: boolean): Promise<void> {
  const database = benchDatabase();
  const config = {
    ...database.config,
    clusterNetwork: { ...database.config.clusterNetwork, allowLoopback: true },
  };
  let api: INestApplication | undefined;
  let worker: JiraWorker | undefined;
  let jira: FakeJira | undefined;
  let queue: SyncQueueWatch | undefined;
  try {
    jira = await startFakeJira();
    progress(`starting the API on ${database.name}`);
    api = await createApi(config);
    api.useLogger(false);
    const baseUrl = await listen(api);
    worker = await JiraWorker.start(config, profile ? PROFILE_DIR : undefined);
    const key = (await api.get(ApiKeyService).create({ name: 'bench', role: Role.Admin })).key;
    const client = new ApiClient(baseUrl, key);
    const scenario = await prepare(client, jira, progress);

    queue = await SyncQueueWatch.start(config);
    const context: PushContext = {
      client,
      jira,
      worker,
      databaseUrl: config.databaseUrl,
      engagementId: scenario.engagementId,
      queue,
      progress,
    };
    jira.setFaults({ latencyMs: LATENCY_MS });
    const ticketIds = (
      await client.request<{ tickets: { id: string }[] }>(
        'GET',
        `/v1/engagements/${scenario.engagementId}/tickets/export?format=json`,
      )
    ).tickets.map((ticket) => ticket.id);
    const rounds: PushRound[] = [];
    progress(`pushing ${scenario.tickets} new tickets`);
    rounds.push(await pushAll('create', pushEngagement(scenario.engagementId), context));
    progress('pushing them again, unchanged');
    rounds.push(await pushAll('unchanged', pushEngagement(scenario.engagementId), context));
    jira.setFaults({ latencyMs: 0 });
    await addFindings(client, scenario, progress);
    jira.setFaults({ latencyMs: LATENCY_MS });
    progress('pushing each updated ticket twice at once');
    rounds.push(await pushAll('update ×2', pushEachTwiceAtOnce(ticketIds), context));
    const checks = check(jira, ticketIds);
    printResults(scenario, rounds, checks, LATENCY_MS);
    mkdirSync(OUT_DIR, { recursive: true });
    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      latencyMs: LATENCY_MS,
      rateTarget: RATE_TARGET,
      scenario,
      rounds,
      checks,
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
    const found = problems(rounds, checks, scenario.tickets);
    if (found.length > 0) {
      throw new Error(`the push went wrong: ${found.join('; ')}`);
    }
  } finally {
    await queue?.close();
    await worker?.stop();
    if (profile) {
      console.log(`worker CPU profile in ${PROFILE_DIR}`);
    }
    for (const name of [QueueName.AssessmentRun, QueueName.TicketSync]) {
      await api?.get<Queue>(getQueueToken(name)).obliterate({ force: true });
    }
    await api?.close();
    await jira?.close();
    await database.drop();
  }
}

function parseArguments(args: readonly string[]): boolean {
  const unknown = args.filter((arg) => arg !== PROFILE);
  if (unknown.length > 0) {
    throw new Error(`unknown argument ${unknown.join(', ')}: the only option is ${PROFILE}`);
  }
  return args.includes(PROFILE);
}

Promise.resolve(process.argv.slice(2))
  .then((args) => main(parseArguments(args)))
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
