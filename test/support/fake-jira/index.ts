import { createServer } from 'node:http';
import { FakeJiraServer, listen } from './fake-jira-server';
import type { FakeJira, FakeJiraOptions } from './types';

export { NO_FAULTS } from './faults';
export { webhookSignature } from './webhooks';
export type * from './types';

/**
 * A Jira Cloud REST v3 server for tests, over HTTP on 127.0.0.1: the operations the ticket integration
 * calls (myself, createmeta, create/get/edit issue, search/jql, transitions, comments) on one project
 * held in memory, Basic and Bearer authentication, injectable 429s, failures, latency and outages, and a
 * webhook sender that signs as Jira does. Every request is recorded, and writes that overlap on one
 * issue are noticed.
 */
export async function startFakeJira(options: FakeJiraOptions = {}): Promise<FakeJira> {
  const server = createServer();
  await listen(server, 0);
  return new FakeJiraServer(server, options);
}
