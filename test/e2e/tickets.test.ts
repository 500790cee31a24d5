import type { Server } from 'node:http';
import { parse } from 'csv-parse/sync';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { createApi } from '../../src/http/create-api';
import { Role } from '../../src/modules/auth/role';
import { TicketCatchUp } from '../../src/modules/jira/push/ticket-catch-up';
import type { components } from '../../openapi/schema';
import { startTestApi, type TestApi, testConfig } from '../support/api';
import { listAllFindings, runAssessment } from '../support/assessment-runs';
import { privilegedDeployment, snapshotList } from '../support/privileged-deployments';
import { until } from '../support/until';
import { apiClient, type ApiClient } from '../support/client';
import { type FakeJira, startFakeJira } from '../support/fake-jira';

type Ticket = components['schemas']['TicketDto'];
type TicketDetail = components['schemas']['TicketDetailDto'];

jest.setTimeout(120_000);

const WEBHOOK_SECRET = 'the-webhook-secret-of-initech';
/** A namespace a spreadsheet would run as a formula if the CSV export passed it through. */
const FORMULA_NAMESPACE = '=1+2';
/** Columns of the CSV export this test reads (it has others). */
const CSV_COLUMNS = [
  'id',
  'title',
  'check',
  'severity',
  'namespace',
  'workload',
  'dueOn',
  'findings',
  'resources',
];

interface Tenant {
  organizationId: string;
  engagementId: string;
  clusterId: string;
  /** Its first assessment. */
  assessmentId: string;
}

describe('remediation tickets end to end', () => {
  let api: TestApi;
  /** The same database behind an API whose address policy refuses loopback, as production's does. */
  let strictApi: INestApplication;
  let strictUrl: string;
  let worker: INestApplicationContext;
  let jira: FakeJira;
  let consultant: ApiClient;
  let consultantKey: string;
  let a: Tenant;
  let b: Tenant;
  let clientKeyOfA: string;
  let integrationKeyOfA: string;
  /** A's tickets by grouping and group, as the first builds made them. */
  const built = new Map<string, Ticket>();

  /** For requests the contract types forbid on purpose, and for reading raw answers (CSV, headers). */
  const raw = async (
    path: string,
    init: { method?: string; body?: unknown; key?: string; baseUrl?: string } = {},
  ) => {
    const response = await fetch(`${init.baseUrl ?? api.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? consultantKey}` },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
    const body: unknown = json ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, text, body };
  };
  const errorCode = (body: unknown) => (body as { error?: { code?: string } }).error?.code;

  async function tenant(name: string, manifests: string): Promise<Tenant> {
    const organizationId = (await consultant.POST('/v1/organizations', { body: { name } })).data!.id;
    const engagementId = (
      await consultant.POST('/v1/engagements', { body: { organizationId, name: `${name} hardening` } })
    ).data!.id;
    const clusterId = (
      await consultant.POST('/v1/clusters', {
        body: { organizationId, name: `${name.toLowerCase()}-prod`, source: { type: 'snapshot' } },
      })
    ).data!.id;
    const target = { organizationId, engagementId, clusterId };
    return { ...target, assessmentId: await assess(target, manifests) };
  }

  async function assess(target: Omit<Tenant, 'assessmentId'>, manifests: string): Promise<string> {
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${target.clusterId}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consultantKey}` },
      body: manifests,
    });
    expect(upload.status).toBe(201);
    const assessment = await runAssessment(
      consultant,
      { engagementId: target.engagementId, clusterId: target.clusterId },
      60_000,
    );
    expect(assessment.status).toBe('succeeded');
    return assessment.id;
  }

  async function build(engagementId: string, body: components['schemas']['CreateTicketsDto']) {
    const answer = await consultant.POST('/v1/engagements/{id}/tickets', {
      params: { path: { id: engagementId } },
      body,
    });
    expect(answer.response.status).toBe(200);
    return answer.data!;
  }

  async function ticketsOf(query: { engagementId?: string; status?: Ticket['status'] }, key = consultantKey) {
    const client = apiClient(api.baseUrl, key);
    const { data, response } = await client.GET('/v1/tickets', {
      params: { query: { ...query, limit: 500 } },
    });
    expect(response.status).toBe(200);
    return data!.items;
  }

  async function detail(id: string): Promise<TicketDetail> {
    const { data, response } = await consultant.GET('/v1/tickets/{id}', { params: { path: { id } } });
    expect(response.status).toBe(200);
    return data!;
  }

  /** Jira's webhook names the organization whose secret signs it. */
  const webhookUrl = (tenant: Tenant) =>
    `${api.baseUrl}/v1/integrations/jira/webhook?organizationId=${tenant.organizationId}`;

  const jiraSettings = (overrides: Record<string, unknown> = {}) => ({
    baseUrl: jira.url,
    projectKey: jira.project.key,
    issueType: 'Task',
    auth: { type: 'basic', email: jira.credentials.email, token: jira.credentials.apiToken },
    webhookSecret: WEBHOOK_SECRET,
    ...overrides,
  });

  beforeAll(async () => {
    jira = await startFakeJira();
    api = await startTestApi({
      clusterNetwork: { allowLoopback: true, allowPrivate: false, allowInsecureTls: false },
    });
    strictApi = await createApi(testConfig(api.database.url));
    strictApi.useLogger(false);
    await strictApi.listen(0, '127.0.0.1');
    strictUrl = `http://127.0.0.1:${((strictApi.getHttpServer() as Server).address() as { port: number }).port}`;
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    a = await tenant(
      'Initech',
      snapshotList([
        privilegedDeployment('shop', 'web'),
        privilegedDeployment('shop', 'api'),
        privilegedDeployment(FORMULA_NAMESPACE, 'ledger'),
      ]),
    );
    b = await tenant('Globex', snapshotList([privilegedDeployment('shop', 'web')]));
    clientKeyOfA = await api.createKey(Role.Client, a.organizationId);
    integrationKeyOfA = await api.createKey(Role.Integration, a.organizationId);
  });
  afterAll(async () => {
    for (const queue of [QueueName.AssessmentRun, QueueName.TicketSync]) {
      await worker?.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
    }
    await worker?.close();
    await strictApi?.close();
    await api?.close();
    await jira?.close();
  });

  it('groups critical findings by check and namespace, by check, and by workload', async () => {
    const byNamespace = await build(a.engagementId, { groupBy: 'check_namespace', minSeverity: 'critical' });
    expect(byNamespace).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const byCheck = await build(a.engagementId, { groupBy: 'check', minSeverity: 'critical' });
    expect(byCheck).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const byWorkload = await build(a.engagementId, { groupBy: 'workload', minSeverity: 'critical' });
    expect(byWorkload).toMatchObject({ created: 3, updated: 0, unchanged: 0 });

    const tickets = await ticketsOf({ engagementId: a.engagementId });
    expect(tickets).toHaveLength(6);
    for (const ticket of tickets) {
      expect(ticket).toMatchObject({
        check: 'container-privileged',
        severity: 'critical',
        status: 'open',
        revision: 1,
        syncStatus: 'not_pushed',
      });
      built.set(`${ticket.grouping} ${ticket.namespace ?? ''} ${ticket.workload ?? ''}`, ticket);
    }
    expect([...built.keys()].sort()).toEqual([
      'check  ',
      `check_namespace ${FORMULA_NAMESPACE} `,
      'check_namespace shop ',
      `workload ${FORMULA_NAMESPACE} Deployment/ledger`,
      'workload shop Deployment/api',
      'workload shop Deployment/web',
    ]);
    expect(new Set(byNamespace.ticketIds)).toEqual(
      new Set([
        built.get('check_namespace shop ')!.id,
        built.get(`check_namespace ${FORMULA_NAMESPACE} `)!.id,
      ]),
    );
    expect(built.get('check_namespace shop ')!.title).toBe(
      'Container runs privileged in shop (initech-prod)',
    );
    expect(built.get('check  ')!.title).toBe('Container runs privileged across the cluster (initech-prod)');
    expect((await detail(built.get('check  ')!.id)).findings).toHaveLength(3);
    expect((await detail(built.get('check_namespace shop ')!.id)).findings).toHaveLength(2);
    expect((await detail(built.get('workload shop Deployment/api')!.id)).findings).toHaveLength(1);
  });

  it('takes in every severity from minSeverity up, and keeps the open ticket of a group it already has', async () => {
    const result = await build(a.engagementId, { groupBy: 'check', minSeverity: 'high' });
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 1 });
    expect(result.ticketIds).toContain(built.get('check  ')!.id);
    const byCheck = (await ticketsOf({ engagementId: a.engagementId })).filter(
      (ticket) => ticket.grouping === 'check',
    );
    expect(byCheck.map((ticket) => ticket.severity).sort()).toEqual(['critical', 'high', 'high']);
  });

  it('defaults to check × namespace from severity low: every open finding but info', async () => {
    const result = await build(b.engagementId, {});
    const findings = await listAllFindings(consultant, b.assessmentId);
    const checks = new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.check));
    expect(checks.size).toBeGreaterThan(5);
    expect(result).toMatchObject({ created: checks.size, updated: 0, unchanged: 0 });
    const tickets = await ticketsOf({ engagementId: b.engagementId });
    expect(new Set(tickets.map((ticket) => ticket.check))).toEqual(checks);
    expect(
      tickets.every((ticket) => ticket.grouping === 'check_namespace' && ticket.namespace === 'shop'),
    ).toBe(true);
  });

  it('adds the findings of a later assessment to the open ticket of their group, and changes nothing when rebuilt as is', async () => {
    const shop = built.get('check_namespace shop ')!;
    const formula = built.get(`check_namespace ${FORMULA_NAMESPACE} `)!;
    const first = (await detail(shop.id)).findings[0]!.assessmentId;
    const second = await assess(
      a,
      snapshotList([
        privilegedDeployment('shop', 'web'),
        privilegedDeployment('shop', 'api'),
        privilegedDeployment('shop', 'cart'),
        privilegedDeployment(FORMULA_NAMESPACE, 'ledger'),
      ]),
    );

    const rebuilt = await build(a.engagementId, { minSeverity: 'critical' });
    expect(rebuilt).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect(new Set(rebuilt.ticketIds)).toEqual(new Set([shop.id, formula.id]));
    const updated = await detail(shop.id);
    expect(updated.revision).toBe(2);
    expect(updated.findings.map((finding) => [finding.resource.name, finding.assessmentId]).sort()).toEqual([
      ['api', first],
      ['cart', second],
      ['web', first],
    ]);
    expect((await detail(formula.id)).revision).toBe(1);

    const again = await build(a.engagementId, { minSeverity: 'critical' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect((await detail(shop.id)).revision).toBe(2);
    expect(await ticketsOf({ engagementId: a.engagementId })).toHaveLength(8);
  });

  it('lists tickets by engagement and shows a ticket with the findings it covers', async () => {
    const all = await ticketsOf({});
    const ofA = await ticketsOf({ engagementId: a.engagementId });
    const ofB = await ticketsOf({ engagementId: b.engagementId });
    expect(all).toHaveLength(ofA.length + ofB.length);
    expect(ofA.every((ticket) => ticket.engagementId === a.engagementId)).toBe(true);
    expect(ofB.every((ticket) => ticket.engagementId === b.engagementId)).toBe(true);

    const ticket = await detail(built.get('workload shop Deployment/web')!.id);
    expect(ticket).toMatchObject({
      organizationId: a.organizationId,
      clusterId: a.clusterId,
      grouping: 'workload',
      namespace: 'shop',
      workload: 'Deployment/web',
    });
    expect(ticket.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ticket.findings).toHaveLength(1);
    expect(ticket.findings[0]).toMatchObject({
      resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
      container: 'web',
      message: 'Container web runs privileged',
      assessmentId: a.assessmentId,
    });
    expect(ticket.findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('exports the engagement’s tickets as JSON and as CSV, attachments, with formulas neutralised', async () => {
    const tickets = await ticketsOf({ engagementId: a.engagementId });
    const json = await raw(`/v1/engagements/${a.engagementId}/tickets/export?format=json`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toBe(
      `attachment; filename="tickets-${a.engagementId}.json"`,
    );
    const exported = (json.body as { tickets: TicketDetail[] }).tickets;
    expect(new Set(exported.map((ticket) => ticket.id))).toEqual(new Set(tickets.map((ticket) => ticket.id)));
    const shop = exported.find((ticket) => ticket.id === built.get('check_namespace shop ')!.id)!;
    expect(shop.findings.map((finding) => finding.resource.name).sort()).toEqual(['api', 'cart', 'web']);

    const csv = await raw(`/v1/engagements/${a.engagementId}/tickets/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="tickets-${a.engagementId}.csv"`,
    );
    const [header, ...rows] = parse(csv.text);
    expect(header).toEqual(expect.arrayContaining(CSV_COLUMNS));
    expect(header![0]).toBe('id');
    expect(rows).toHaveLength(tickets.length);
    const cell = (row: string[], column: string) => row[header!.indexOf(column)];
    const byId = new Map(rows.map((row) => [cell(row, 'id'), row]));
    const formulaRow = byId.get(built.get(`check_namespace ${FORMULA_NAMESPACE} `)!.id)!;
    expect(cell(formulaRow, 'namespace')).toBe(`'${FORMULA_NAMESPACE}`);
    expect(cell(formulaRow, 'resources')).toBe(`Deployment ${FORMULA_NAMESPACE}/ledger [ledger]`);
    const shopRow = byId.get(built.get('check_namespace shop ')!.id)!;
    expect(cell(shopRow, 'findings')).toBe('3');
    expect(cell(shopRow, 'resources')!.split('\n').sort()).toEqual([
      'Deployment shop/api [api]',
      'Deployment shop/cart [cart]',
      'Deployment shop/web [web]',
    ]);
    for (const row of rows) {
      for (const value of row) {
        expect(value).not.toMatch(/^[=+\-@]/);
      }
    }
  });

  it('shows a client key its own organization’s tickets only: another’s answer 404', async () => {
    const seen = await ticketsOf({}, clientKeyOfA);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((ticket) => ticket.organizationId === a.organizationId)).toBe(true);
    expect(await ticketsOf({ engagementId: b.engagementId }, clientKeyOfA)).toEqual([]);
    const [ofB] = await ticketsOf({ engagementId: b.engagementId });

    const other = await raw(`/v1/tickets/${ofB!.id}`, { key: clientKeyOfA });
    expect(other.status).toBe(404);
    expect(errorCode(other.body)).toBe('NOT_FOUND');
    const otherExport = await raw(`/v1/engagements/${b.engagementId}/tickets/export?format=csv`, {
      key: clientKeyOfA,
    });
    expect(otherExport.status).toBe(404);
    expect(otherExport.headers.get('content-disposition')).toBeNull();
    expect((await raw(`/v1/tickets/${seen[0]!.id}`, { key: clientKeyOfA })).status).toBe(200);
    expect(
      (await raw(`/v1/engagements/${a.engagementId}/tickets/export`, { key: clientKeyOfA })).status,
    ).toBe(200);
  });

  it('lets an integration key build and push its organization’s tickets, once Jira is configured, and nobody else’s', async () => {
    const integration = (path: string) => raw(path, { method: 'POST', body: {}, key: integrationKeyOfA });
    const target = built.get(`check_namespace ${FORMULA_NAMESPACE} `)!;
    const [ofB] = await ticketsOf({ engagementId: b.engagementId });

    const rebuilt = await raw(`/v1/engagements/${a.engagementId}/tickets`, {
      method: 'POST',
      body: { minSeverity: 'critical' },
      key: integrationKeyOfA,
    });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    for (const path of [`/v1/tickets/${target.id}/push`, `/v1/engagements/${a.engagementId}/tickets/push`]) {
      const refused = await integration(path);
      expect(refused.status).toBe(409);
      expect(errorCode(refused.body)).toBe('JIRA_NOT_CONFIGURED');
    }
    for (const path of [
      `/v1/engagements/${b.engagementId}/tickets`,
      `/v1/engagements/${b.engagementId}/tickets/push`,
      `/v1/tickets/${ofB!.id}/push`,
    ]) {
      const hidden = await integration(path);
      expect(hidden.status).toBe(404);
      expect(errorCode(hidden.body)).toBe('NOT_FOUND');
    }
    expect((await raw(`/v1/tickets/${ofB!.id}`, { key: integrationKeyOfA })).status).toBe(404);
    expect((await detail(target.id)).syncStatus).toBe('not_pushed');

    const configured = await consultant.PUT('/v1/organizations/{id}/integrations/jira', {
      params: { path: { id: a.organizationId } },
      body: jiraSettings() as components['schemas']['PutJiraSettingsDto'],
    });
    expect(configured.response.status).toBe(200);
    jira.setWebhook({ url: webhookUrl(a), secret: WEBHOOK_SECRET });
    const pushed = await integration(`/v1/tickets/${target.id}/push`);
    expect(pushed.status).toBe(202);
    expect(pushed.body).toMatchObject({ queued: [target.id] });
    await until('the push', async () =>
      (await detail(target.id)).syncStatus === 'synced' ? true : undefined,
    );
    const issue = jira
      .issues()
      .find((candidate) => candidate.labels.includes(`kubeassay-ticket-${target.id}`));
    expect(issue).toMatchObject({ summary: target.title, priority: 'Highest', duedate: target.dueOn });
    expect(jira.issues()).toHaveLength(1);

    await jira.setStatus(issue!.key, 'Done');
    await until('the webhook', async () =>
      (await detail(target.id)).status === 'resolved_pending_verification' ? true : undefined,
    );
  });

  it('keeps organizations on different Jira sites apart, though their sites number issues alike', async () => {
    const siteOfB = await startFakeJira();
    try {
      const [ofB] = await ticketsOf({ engagementId: b.engagementId });
      const secretOfB = 'the-webhook-secret-of-globex';
      const configured = await raw(`/v1/organizations/${b.organizationId}/integrations/jira`, {
        method: 'PUT',
        body: jiraSettings({
          baseUrl: siteOfB.url,
          auth: { type: 'bearer', token: siteOfB.credentials.bearerToken },
          webhookSecret: secretOfB,
        }),
      });
      expect(configured.status).toBe(200);
      expect((await raw(`/v1/tickets/${ofB!.id}/push`, { method: 'POST', body: {} })).status).toBe(202);
      await until('the push', async () =>
        (await detail(ofB!.id)).syncStatus === 'synced' ? true : undefined,
      );
      const [issueOfA] = jira.issues();
      const [issueOfB] = siteOfB.issues();
      // Two Jira Cloud sites: the same first issue id and key in each.
      expect([issueOfB!.id, issueOfB!.key]).toEqual([issueOfA!.id, issueOfA!.key]);

      // No webhook yet: the periodic catch-up reads the issue in Done back from B's site.
      await siteOfB.setStatus(issueOfB!.key, 'Done');
      await worker.get(TicketCatchUp).run(new Date());
      expect((await detail(ofB!.id)).status).toBe('resolved_pending_verification');
      siteOfB.setWebhook({ url: webhookUrl(b), secret: secretOfB });
      const delivery = await siteOfB.setStatus(issueOfB!.key, 'To Do');
      expect(delivery?.status).toBe(204);
      expect((await detail(ofB!.id)).status).toBe('open');
      expect((await detail(built.get(`check_namespace ${FORMULA_NAMESPACE} `)!.id)).status).toBe(
        'resolved_pending_verification',
      );
    } finally {
      await siteOfB.close();
    }
  });

  it('filters tickets by status', async () => {
    const target = built.get(`check_namespace ${FORMULA_NAMESPACE} `)!;
    const pending = await ticketsOf({ status: 'resolved_pending_verification' });
    expect(pending.map((ticket) => ticket.id)).toEqual([target.id]);
    const open = await ticketsOf({ engagementId: a.engagementId, status: 'open' });
    expect(open).toHaveLength(7);
    expect(open.some((ticket) => ticket.id === target.id)).toBe(false);
    expect(await ticketsOf({ engagementId: a.engagementId, status: 'verified' })).toEqual([]);
  });

  it('refuses unknown groupings, severities, fields and filters with 400 VALIDATION_FAILED', async () => {
    const build = (body: unknown) =>
      raw(`/v1/engagements/${a.engagementId}/tickets`, { method: 'POST', body });
    for (const body of [
      { groupBy: 'namespace' },
      { minSeverity: 'urgent' },
      { groupBy: 'check', minSeverity: 'high', assignee: 'alice' },
    ]) {
      const refused = await build(body);
      expect(refused.status).toBe(400);
      expect(errorCode(refused.body)).toBe('VALIDATION_FAILED');
    }
    for (const path of [
      '/v1/tickets?status=closed',
      '/v1/tickets?engagementId=not-a-uuid',
      `/v1/engagements/${a.engagementId}/tickets/export?format=xlsx`,
    ]) {
      const refused = await raw(path);
      expect(refused.status).toBe(400);
      expect(errorCode(refused.body)).toBe('VALIDATION_FAILED');
    }
    expect(await ticketsOf({ engagementId: a.engagementId })).toHaveLength(8);
  });

  it('refuses Jira settings that could leak or downgrade, and never answers with the secrets', async () => {
    const put = (body: unknown, baseUrl = api.baseUrl) =>
      raw(`/v1/organizations/${a.organizationId}/integrations/jira`, { method: 'PUT', body, baseUrl });

    for (const address of ['http://169.254.169.254', 'https://169.254.169.254/jira']) {
      const refused = await put(jiraSettings({ baseUrl: address }));
      expect(refused.status).toBe(422);
      expect(['ADDRESS_METADATA_FORBIDDEN', 'ADDRESS_LINK_LOCAL_FORBIDDEN']).toContain(
        errorCode(refused.body),
      );
    }
    // Where loopback is not allowed, plain http is not either.
    for (const address of ['http://jira.example.com', jira.url]) {
      const refused = await put(jiraSettings({ baseUrl: address }), strictUrl);
      expect(refused.status).toBe(422);
      expect(errorCode(refused.body)).toBe('JIRA_BASE_URL_INVALID');
    }
    const loopback = await put(jiraSettings({ baseUrl: 'https://127.0.0.1:8443' }), strictUrl);
    expect(loopback.status).toBe(422);
    expect(errorCode(loopback.body)).toBe('ADDRESS_LOOPBACK_FORBIDDEN');

    for (const body of [
      jiraSettings({ auth: { type: 'basic', token: jira.credentials.apiToken } }),
      jiraSettings({ customFields: { summary: 'overridden' } }),
      jiraSettings({ customFields: { customfield_10050: 'ok', reporter: { id: 'x' } } }),
    ]) {
      const refused = await put(body);
      expect(refused.status).toBe(400);
      expect(errorCode(refused.body)).toBe('VALIDATION_FAILED');
    }

    const read = await raw(`/v1/organizations/${a.organizationId}/integrations/jira`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ baseUrl: jira.url, authType: 'basic', email: jira.credentials.email });
    expect(read.text).not.toContain(jira.credentials.apiToken);
    expect(read.text).not.toContain(WEBHOOK_SECRET);
    const bearer = await put(jiraSettings({ auth: { type: 'bearer', token: jira.credentials.bearerToken } }));
    expect(bearer.status).toBe(200);
    expect(bearer.text).not.toContain(jira.credentials.bearerToken);
    expect(bearer.text).not.toContain(WEBHOOK_SECRET);
  });
});
