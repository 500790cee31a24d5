import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import { TicketCatchUp } from '../../src/modules/jira/push/ticket-catch-up';
import type { components } from '../../openapi/schema';
import { startTestApi, type TestApi } from '../support/api';
import { runAssessment } from '../support/assessment-runs';
import { privilegedDeployment, snapshotList } from '../support/privileged-deployments';
import { until } from '../support/until';
import { apiClient, type ApiClient } from '../support/client';
import { type FakeJira, startFakeJira, type WebhookEvent } from '../support/fake-jira';

type Ticket = components['schemas']['TicketDto'];

jest.setTimeout(120_000);

const NAMESPACES = 50;
const WEBHOOK_SECRET = 'a-webhook-secret-of-some-length';

/** One Deployment per namespace whose container runs privileged (except in `fixed`): one critical ticket each. */
function privilegedDeployments(namespaces: number, fixed: readonly string[] = []): string {
  return snapshotList(
    Array.from({ length: namespaces }, (_, index) => {
      const namespace = `team-${index}`;
      return privilegedDeployment(namespace, 'api', !fixed.includes(namespace));
    }),
  );
}

describe('tickets pushed to Jira and kept in sync', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let jira: FakeJira;
  let consultant: ApiClient;
  let consultantKey: string;
  let organizationId: string;
  let engagementId: string;
  let clusterId: string;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consultantKey}`, ...headers },
      body: JSON.stringify(body),
    });

  async function upload(manifests: string): Promise<void> {
    const response = await fetch(`${api.baseUrl}/v1/clusters/${clusterId}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consultantKey}` },
      body: manifests,
    });
    expect(response.status).toBe(201);
  }

  async function assess(): Promise<void> {
    const assessment = await runAssessment(consultant, { engagementId, clusterId }, 60_000);
    expect(assessment.status).toBe('succeeded');
  }

  async function auditEvents(): Promise<{ outcome: string; status: number; targetId: string | null }[]> {
    const response = await fetch(`${api.baseUrl}/v1/audit-events?action=ticket.jira_webhook&limit=500`, {
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    return (
      (await response.json()) as { items: { outcome: string; status: number; targetId: string | null }[] }
    ).items;
  }

  async function tickets(): Promise<Ticket[]> {
    const { data } = await consultant.GET('/v1/tickets', { params: { query: { engagementId, limit: 500 } } });
    return data!.items;
  }

  /** Jira's webhook names the organization whose secret signs it. */
  function webhookUrl(organization = organizationId): string {
    return `${api.baseUrl}/v1/integrations/jira/webhook?organizationId=${organization}`;
  }

  function issueOf(ticketId: string) {
    return jira.issues().find((issue) => issue.labels.includes(`kubeassay-ticket-${ticketId}`));
  }

  beforeAll(async () => {
    jira = await startFakeJira();
    api = await startTestApi({
      clusterNetwork: { allowLoopback: true, allowPrivate: false, allowInsecureTls: false },
    });
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    organizationId = (await consultant.POST('/v1/organizations', { body: { name: 'Initech' } })).data!.id;
    engagementId = (await consultant.POST('/v1/engagements', { body: { organizationId, name: 'hardening' } }))
      .data!.id;
    clusterId = (
      await consultant.POST('/v1/clusters', {
        body: { organizationId, name: 'prod', source: { type: 'snapshot' } },
      })
    ).data!.id;
    await upload(privilegedDeployments(NAMESPACES));
    await assess();
    const settings = await consultant.PUT('/v1/organizations/{id}/integrations/jira', {
      params: { path: { id: organizationId } },
      body: {
        baseUrl: jira.url,
        projectKey: jira.project.key,
        issueType: 'Task',
        auth: { type: 'basic', email: jira.credentials.email, token: jira.credentials.apiToken },
        webhookSecret: WEBHOOK_SECRET,
      },
    });
    expect(settings.response.status).toBe(200);
    jira.setWebhook({ url: webhookUrl(), secret: WEBHOOK_SECRET });
  });
  afterAll(async () => {
    for (const queue of [QueueName.AssessmentRun, QueueName.TicketSync]) {
      await worker?.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
    }
    await worker?.close();
    await api?.close();
    await jira?.close();
  });

  afterEach(() => jira.setFaults({ searchLagMs: 0 }));

  it('verifies the settings against Jira and never returns the secrets', async () => {
    const verified = await consultant.POST('/v1/organizations/{id}/integrations/jira/verify', {
      params: { path: { id: organizationId } },
    });
    expect(verified.data!.verification).toMatchObject({ ok: true, missingFields: [], unknownPriorities: [] });
    const text = JSON.stringify(verified.data);
    expect(text).not.toContain(jira.credentials.apiToken);
    expect(text).not.toContain(WEBHOOK_SECRET);
  });

  it('pushes 50 tickets through 429s and a lost create response as exactly 50 issues, and again as none', async () => {
    const built = await consultant.POST('/v1/engagements/{id}/tickets', {
      params: { path: { id: engagementId } },
      body: { minSeverity: 'critical' },
    });
    expect(built.data).toMatchObject({ created: NAMESPACES, updated: 0, unchanged: 0 });
    // Jira's search shows a new issue only 10 s after its create, as its index lags behind (the retry's search
    // comes ~2 s after the lost create, well inside it).
    jira.setFaults({ rateLimitEvery: 5, retryAfterSeconds: 1, searchLagMs: 10_000 });
    // Jira creates the issue, then the answer is lost: as if the worker died before committing the link. The
    // retry's search does not see it yet; the push waits for the index rather than creating a second one.
    jira.failNext(1, 503, { applied: true, on: 'POST /rest/api/3/issue' });
    const pushed = await post(`/v1/engagements/${engagementId}/tickets/push`, {});
    expect(pushed.status).toBe(202);
    await until('every ticket synced', async () =>
      (await tickets()).every((ticket) => ticket.syncStatus === 'synced') ? true : undefined,
    );
    expect(jira.counters.rateLimited).toBeGreaterThan(0);
    expect(jira.counters.injectedFailures).toBe(1);
    expect(jira.issues()).toHaveLength(NAMESPACES);
    expect(jira.overlappingWrites()).toEqual([]);
    for (const ticket of await tickets()) {
      const issue = issueOf(ticket.id)!;
      expect(ticket.jiraIssueKey).toBe(issue.key);
      expect(issue).toMatchObject({ summary: ticket.title, priority: 'Highest', duedate: ticket.dueOn });
      expect(issue.labels).toEqual(expect.arrayContaining(['kubeassay', 'check-container-privileged']));
    }

    const created = jira.counters.issuesCreated;
    expect((await post(`/v1/engagements/${engagementId}/tickets/push`, {})).status).toBe(202);
    await until('the second push to settle', async () =>
      (await tickets()).every((ticket) => ticket.syncStatus === 'synced') ? true : undefined,
    );
    expect(jira.counters.issuesCreated).toBe(created);
    expect(jira.issues()).toHaveLength(NAMESPACES);
  });

  it('refuses a delivery with a wrong signature (401, audited) and applies each delivery once', async () => {
    const [ticket] = await tickets();
    const issue = issueOf(ticket!.id)!;
    const status = async () =>
      (await consultant.GET('/v1/tickets/{id}', { params: { path: { id: ticket!.id } } })).data!.status;
    const before = await auditEvents();
    const forged = await jira.sendWebhook(
      webhookUrl(),
      'not-the-secret-at-all',
      jira.issueUpdatedEvent(issue.key),
    );
    expect(forged.status).toBe(401);
    // Another organization, or none: answered exactly like a wrong signature, nothing learnt.
    const elsewhere = await jira.sendWebhook(
      webhookUrl('00000000-0000-4000-8000-000000000000'),
      WEBHOOK_SECRET,
      jira.issueUpdatedEvent(issue.key),
    );
    expect(elsewhere.status).toBe(401);

    const done = (await jira.setStatus(issue.key, 'Done'))!;
    expect(done.status).toBe(204);
    expect(await status()).toBe('resolved_pending_verification');
    const reopened = (await jira.setStatus(issue.key, 'To Do'))!;
    expect(reopened.status).toBe(204);
    expect(await status()).toBe('open');
    // Jira's retry of the Done delivery (same identifier), and the same signed body under a new identifier:
    // neither may move the ticket back.
    expect((await jira.resendWebhook(done)).status).toBe(204);
    const replayed = await jira.sendWebhook(
      webhookUrl(),
      WEBHOOK_SECRET,
      JSON.parse(done.body) as WebhookEvent,
      {
        identifier: 'a-fresh-identifier',
      },
    );
    expect(replayed.status).toBe(204);
    expect(await status()).toBe('open');

    const after = await auditEvents();
    const events = after.slice(0, after.length - before.length);
    expect(events.filter((event) => event.outcome === 'denied' && event.status === 401)).toHaveLength(2);
    expect(
      events.filter((event) => event.outcome === 'success' && event.targetId === ticket!.id),
    ).toHaveLength(2);
  });

  it('verifies a ticket the next assessment finds fixed and reopens one it still finds, with comments', async () => {
    const all = await tickets();
    const byNamespace = new Map(all.map((ticket) => [ticket.namespace, ticket]));
    const fixed = byNamespace.get('team-1')!;
    const unfixed = byNamespace.get('team-2')!;
    for (const ticket of [fixed, unfixed]) {
      await jira.setStatus(issueOf(ticket.id)!.key, 'Done');
    }
    await until('both tickets pending verification', async () => {
      const statuses = (await tickets()).filter((t) => t.id === fixed.id || t.id === unfixed.id);
      return statuses.every((t) => t.status === 'resolved_pending_verification') ? true : undefined;
    });
    await upload(privilegedDeployments(NAMESPACES, ['team-1']));
    await assess();
    // The ticket's status changes first, then the verdict is written to Jira: wait for both.
    await until('the verification', async () => {
      const now = new Map((await tickets()).map((ticket) => [ticket.id, ticket.status]));
      const commented = [fixed, unfixed].every((ticket) => issueOf(ticket.id)!.comments.length > 0);
      return now.get(fixed.id) === 'verified' && now.get(unfixed.id) === 'open' && commented
        ? true
        : undefined;
    });
    const verifiedIssue = issueOf(fixed.id)!;
    expect(verifiedIssue.statusCategory).toBe('done');
    expect(JSON.stringify(verifiedIssue.comments.at(-1)?.body)).toContain('Verified by Kubeassay');
    const reopenedIssue = issueOf(unfixed.id)!;
    expect(reopenedIssue.statusCategory).not.toBe('done');
    const evidence = JSON.stringify(reopenedIssue.comments.at(-1)?.body);
    expect(evidence).toContain('Reopened by Kubeassay');
    expect(evidence).toContain('team-2/api');
  });

  it('reads back an issue moved to Done whose webhook never arrived, in the periodic catch-up', async () => {
    const missed = (await tickets()).find((ticket) => ticket.namespace === 'team-3')!;
    jira.setWebhook(undefined);
    try {
      await jira.setStatus(issueOf(missed.id)!.key, 'Done');
      await worker.get(TicketCatchUp).run(new Date());
    } finally {
      jira.setWebhook({ url: webhookUrl(), secret: WEBHOOK_SECRET });
    }
    const { data } = await consultant.GET('/v1/tickets/{id}', { params: { path: { id: missed.id } } });
    expect(data!.status).toBe('resolved_pending_verification');
  });

  it('keeps a ticket queued with the last error while Jira is unreachable, and pushes it when Jira returns', async () => {
    jira.setFaults({ rateLimitEvery: 0 });
    await upload(privilegedDeployments(NAMESPACES + 1, ['team-1']));
    await assess();
    const built = await consultant.POST('/v1/engagements/{id}/tickets', {
      params: { path: { id: engagementId } },
      body: { minSeverity: 'critical' },
    });
    expect(built.data!.created).toBe(1);
    const newest = (await tickets()).find((ticket) => ticket.namespace === `team-${NAMESPACES}`)!;
    await jira.down('refuse');
    expect((await post(`/v1/tickets/${newest.id}/push`, {})).status).toBe(202);
    const waiting = await until('the error to show', async () => {
      const { data } = await consultant.GET('/v1/tickets/{id}', { params: { path: { id: newest.id } } });
      return data!.syncError ? data : undefined;
    });
    expect(waiting.syncStatus).toBe('queued');
    await jira.up();
    await until('the push once Jira is back', async () => {
      const { data } = await consultant.GET('/v1/tickets/{id}', { params: { path: { id: newest.id } } });
      return data!.syncStatus === 'synced' ? data : undefined;
    });
    expect(issueOf(newest.id)).toBeDefined();
  });
});
