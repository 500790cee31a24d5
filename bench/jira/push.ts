import { Client } from 'pg';
import type { FakeJira, RecordedRequest } from '../../test/support/fake-jira';
import type { ApiClient } from '../api/client';
import type { SyncQueueWatch } from './sync-queue';
import type { JiraWorker } from './worker';

const POLL_MS = 50;
const PUSH_TIMEOUT_MS = 10 * 60_000;

export interface PushRound {
  title: string;
  tickets: number;
  /** Push requests answered 202 (a ticket's request queues no job while one for it waits). */
  requests: number;
  /** Jobs the worker completed. */
  jobsRun: number;
  /** The push requests, from the first sent to the last answered (202). */
  enqueueMs: number;
  /** The first push request sent → every ticket `synced` and no job left (polled every POLL_MS). */
  wallMs: number;
  /** Tickets per second of wall time. */
  rate: number;
  /** First Jira request received → last Jira answer sent; null when Jira was not called. */
  jiraSpanMs: number | null;
  jiraCalls: number;
  /** Calls by operation, e.g. `POST /rest/api/3/search/jql`. */
  callsByOperation: Record<string, number>;
  /** Answers other than 2xx (none expected: no faults but the latency are injected). */
  jiraErrors: number;
  issuesCreated: number;
  issuesEdited: number;
  /** Push jobs moved to the delayed set: with no 429 injected, jobs that found the ticket's lease held. */
  delayedJobs: number;
  /** Tickets not synced at the end (failed). */
  failed: number;
  /** CPU time the worker process spent during the round. */
  workerCpuMs: number;
  workerRssMiB: number;
}

interface SyncCounts {
  synced: number;
  failed: number;
  pending: number;
}

async function syncCounts(database: Client, engagementId: string): Promise<SyncCounts> {
  const { rows } = await database.query<{ sync_status: string; count: string }>(
    'SELECT sync_status, count(*) AS count FROM tickets WHERE engagement_id = $1 GROUP BY sync_status',
    [engagementId],
  );
  const counts: SyncCounts = { synced: 0, failed: 0, pending: 0 };
  for (const row of rows) {
    const key = row.sync_status === 'synced' || row.sync_status === 'failed' ? row.sync_status : 'pending';
    counts[key] += Number(row.count);
  }
  return counts;
}

/** `PUT /rest/api/3/issue/PROJ-12` → `PUT /rest/api/3/issue/{key}`. */
function operation(request: RecordedRequest): string {
  return `${request.method} ${request.path.replace(/\/issue\/(?!createmeta)[^/]+/, '/issue/{key}')}`;
}

function jiraSpan(requests: readonly RecordedRequest[]): number | null {
  if (requests.length === 0) {
    return null;
  }
  const first = Math.min(...requests.map((request) => request.startedAt.getTime()));
  const last = Math.max(...requests.map((request) => request.startedAt.getTime() + request.durationMs));
  return last - first;
}

export interface PushContext {
  client: ApiClient;
  jira: FakeJira;
  worker: JiraWorker;
  databaseUrl: string;
  engagementId: string;
  queue: SyncQueueWatch;
  progress: (message: string) => void;
}

/** Asks the API for pushes; says how many tickets and requests. */
export type Enqueue = (client: ApiClient) => Promise<{ tickets: number; requests: number }>;

/** `POST /v1/engagements/:id/tickets/push`: one job per ticket. */
export function pushEngagement(engagementId: string): Enqueue {
  return async (client) => {
    const { queued } = await client.request<{ queued: string[] }>(
      'POST',
      `/v1/engagements/${engagementId}/tickets/push`,
      '{}',
      'application/json',
    );
    return { tickets: queued.length, requests: 1 };
  };
}

/**
 * `POST /v1/tickets/:id/push` twice at once for every ticket, `parallel` tickets at a time: two requests for a
 * ticket arrive together, so either the queue collapses them or two worker slots take their jobs up together and
 * the ticket's lease must keep their writes to the issue apart.
 */
export function pushEachTwiceAtOnce(ticketIds: readonly string[], parallel = 10): Enqueue {
  return async (client) => {
    const pending = [...ticketIds];
    const pushTwice = async (): Promise<void> => {
      for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
        const path = `/v1/tickets/${id}/push`;
        await Promise.all([0, 1].map(() => client.request('POST', path, '{}', 'application/json')));
      }
    };
    await Promise.all(Array.from({ length: parallel }, pushTwice));
    return { tickets: ticketIds.length, requests: 2 * ticketIds.length };
  };
}

/**
 * Queues pushes through the API and waits until the worker has synced every ticket and run every job; counts
 * what Jira received meanwhile.
 */
export async function pushAll(title: string, enqueue: Enqueue, context: PushContext): Promise<PushRound> {
  const { client, jira, worker, engagementId, progress } = context;
  const database = new Client({ connectionString: context.databaseUrl });
  await database.connect();
  try {
    // Jobs of the steps before (the verification that follows an assessment) are not the round's.
    await context.queue.untilIdle(PUSH_TIMEOUT_MS);
    const requestsBefore = jira.requests.length;
    const { issuesCreated: createdBefore, issuesEdited: editedBefore } = { ...jira.counters };
    const cpuBefore = (await worker.usage()).cpuMs;
    const { delayed: delayedBefore, completed: completedBefore } = context.queue;
    const started = performance.now();
    const { tickets, requests: pushRequests } = await enqueue(client);
    const enqueueMs = performance.now() - started;
    let counts = await syncCounts(database, engagementId);
    let lastReport = performance.now();
    while (counts.synced + counts.failed < tickets || !(await context.queue.idle())) {
      if (performance.now() - started > PUSH_TIMEOUT_MS) {
        throw new Error(`push not done after ${PUSH_TIMEOUT_MS} ms: ${JSON.stringify(counts)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      counts = await syncCounts(database, engagementId);
      if (performance.now() - lastReport > 2_000) {
        progress(`${title}: ${counts.synced} synced, ${counts.failed} failed, ${counts.pending} pending`);
        lastReport = performance.now();
      }
    }
    const wallMs = performance.now() - started;
    const usage = await worker.usage();
    const requests = jira.requests.slice(requestsBefore);
    const callsByOperation: Record<string, number> = {};
    for (const request of requests) {
      callsByOperation[operation(request)] = (callsByOperation[operation(request)] ?? 0) + 1;
    }
    return {
      title,
      tickets,
      requests: pushRequests,
      jobsRun: context.queue.completed - completedBefore,
      enqueueMs,
      wallMs,
      rate: tickets / (wallMs / 1000),
      jiraSpanMs: jiraSpan(requests),
      jiraCalls: requests.length,
      callsByOperation,
      jiraErrors: requests.filter((request) => (request.status ?? 0) >= 300).length,
      issuesCreated: jira.counters.issuesCreated - createdBefore,
      issuesEdited: jira.counters.issuesEdited - editedBefore,
      delayedJobs: context.queue.delayed - delayedBefore,
      failed: counts.failed,
      workerCpuMs: usage.cpuMs - cpuBefore,
      workerRssMiB: usage.rssMiB,
    };
  } finally {
    await database.end();
  }
}
