import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import type { components } from '../../openapi/schema';
import { startTestApi, type TestApi } from '../support/api';
import { kubeassay } from '../support/cli';
import { apiClient, type ApiClient } from '../support/client';
import { findingIdentity } from '../support/finding-identity';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

type Finding = components['schemas']['FindingDto'];
type Assessment = components['schemas']['AssessmentDto'];
type Severity = components['schemas']['Severity'];

/** Manifest files in the order `kubeassay scan DIR` reads them. */
function manifestFiles(directory: string): string[] {
  const entries = readdirSync(directory, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifestFiles(path);
    }
    return /\.(ya?ml|json)$/i.test(entry.name) ? [path] : [];
  });
}

describe('assessments end to end', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let organizationId: string;
  let engagementId: string;
  let clusterId: string;
  let snapshotId: string;
  let assessment: Assessment;
  let allFindings: Finding[];

  /** For requests the contract types forbid on purpose: malformed values, unknown fields. */
  const raw = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? consultantKey}` },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: await response.json() };
  };
  const errorCode = (body: unknown) => (body as { error?: { code: string } } | undefined)?.error?.code;

  async function organizationWithCluster(name: string) {
    const organization = await consultant.POST('/v1/organizations', { body: { name } });
    const id = organization.data!.id;
    const engagement = await consultant.POST('/v1/engagements', {
      body: { organizationId: id, name: `${name} review` },
    });
    const cluster = await consultant.POST('/v1/clusters', {
      body: { organizationId: id, name: `${name}-prod`, source: { type: 'snapshot' } },
    });
    return { organizationId: id, engagementId: engagement.data!.id, clusterId: cluster.data!.id };
  }

  /** YAML goes raw: the typed client serializes JSON bodies only. */
  async function uploadSnapshot(cluster: string, yaml: string): Promise<string> {
    const response = await fetch(`${api.baseUrl}/v1/clusters/${cluster}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: yaml,
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function waitForFinish(id: string): Promise<Assessment> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { data } = await consultant.GET('/v1/assessments/{id}', { params: { path: { id } } });
      if (['succeeded', 'failed', 'cancelled'].includes(data!.status) || Date.now() > deadline) {
        return data!;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  type FindingQuery = {
    severity?: Severity[];
    layer?: ('application' | 'orchestrator' | 'system')[];
  } & Record<string, unknown>;

  async function allPages(query: FindingQuery, limit: number): Promise<{ items: Finding[]; pages: number }> {
    const items: Finding[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { data, response } = await consultant.GET('/v1/assessments/{id}/findings', {
        params: { path: { id: assessment.id }, query: { ...query, limit, ...(cursor && { cursor }) } },
      });
      expect(response.status).toBe(200);
      expect(data!.items.length).toBeLessThanOrEqual(limit);
      items.push(...data!.items);
      cursor = data!.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined && pages < 1_000);
    return { items, pages };
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    ({ organizationId, engagementId, clusterId } = await organizationWithCluster('shop'));
    const yaml = manifestFiles(EXAMPLES)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n---\n');
    snapshotId = await uploadSnapshot(clusterId, yaml);
  });
  afterAll(async () => {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('queues an assessment with 202 and the latest snapshot, and the worker runs it to success', async () => {
    const created = await consultant.POST('/v1/assessments', { body: { engagementId, clusterId } });
    expect(created.response.status).toBe(202);
    expect(created.data).toMatchObject({
      organizationId,
      engagementId,
      clusterId,
      snapshotId,
      status: 'queued',
      stage: 'queued',
      progress: 0,
      startedAt: null,
      finishedAt: null,
      summary: null,
      failure: null,
    });
    expect(created.data!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(created.data!.queuedAt))).toBe(false);
    assessment = await waitForFinish(created.data!.id);
    expect(assessment).toMatchObject({ status: 'succeeded', stage: 'done', progress: 100, failure: null });
    expect(Object.keys(assessment.timings).sort()).toEqual([
      'collecting',
      'evaluating',
      'persisting',
      'scoring',
    ]);
    expect(Object.keys(assessment.matrix!).sort()).toEqual(['application', 'orchestrator', 'system']);
    expect(assessment.matrix).toEqual(assessment.scores!.matrix);
    expect(Date.parse(assessment.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(assessment.startedAt!));
  });

  it('serves exactly the findings `kubeassay scan examples/ --format json` prints', async () => {
    allFindings = (await allPages({}, 500)).items;
    const cli = await kubeassay(['scan', EXAMPLES, '--format', 'json']);
    const expected = (JSON.parse(cli.stdout) as { findings: Omit<Finding, 'id'>[] }).findings;
    expect(expected.length).toBeGreaterThan(20);
    expect(allFindings.map(findingIdentity).sort()).toEqual(expected.map(findingIdentity).sort());
    const byIdentity = new Map(expected.map((finding) => [findingIdentity(finding), finding]));
    for (const finding of allFindings) {
      const twin = byIdentity.get(findingIdentity(finding))!;
      // The service adds what only it knows: the row id and the organization; fingerprints are cluster-scoped.
      expect({ ...finding, id: undefined, organizationId: undefined, fingerprint: undefined }).toEqual({
        ...twin,
        id: undefined,
        fingerprint: undefined,
        source: undefined,
      });
    }
    const open = Object.values(assessment.summary!.findings).reduce((sum, count) => sum + count, 0);
    expect(open + assessment.summary!.accepted).toBe(allFindings.length);
  });

  it('pages through every finding with limit=5, without duplicates, ending with a null cursor', async () => {
    const { items, pages } = await allPages({}, 5);
    expect(pages).toBe(Math.ceil(allFindings.length / 5));
    expect(new Set(items.map((finding) => finding.id)).size).toBe(items.length);
    expect(items.map((finding) => finding.id)).toEqual(allFindings.map((finding) => finding.id));
  });

  it('filters by severity, layer, phase, status, namespace and check', async () => {
    const expectSubset = async (query: FindingQuery, keep: (finding: Finding) => boolean) => {
      const { items } = await allPages(query, 500);
      const wanted = allFindings.filter(keep);
      expect(wanted.length).toBeGreaterThan(0);
      expect(items.map((finding) => finding.id)).toEqual(wanted.map((finding) => finding.id));
    };
    await expectSubset({ severity: ['high', 'critical'] }, (f) => ['high', 'critical'].includes(f.severity));
    await expectSubset({ layer: ['orchestrator'] }, (finding) => finding.layer === 'orchestrator');
    await expectSubset(
      { phase: ['runtime'], status: ['open'] },
      (f) => f.phase === 'runtime' && f.status === 'open',
    );
    await expectSubset({ namespace: ['payments'] }, (finding) => finding.resource.namespace === 'payments');
    const check = allFindings[0]!.check;
    await expectSubset({ check: [check] }, (finding) => finding.check === check);
  });

  it('accepts a comma-separated list as well as a repeated parameter', async () => {
    const path = `/v1/assessments/${assessment.id}/findings?limit=500`;
    const repeated = await raw(`${path}&severity=high&severity=critical`);
    const commas = await raw(`${path}&severity=high,critical`);
    expect(commas.status).toBe(200);
    expect(commas.body).toEqual(repeated.body);
    expect((commas.body as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('rejects bad filters, cursors and limits with 400 and a stable code', async () => {
    const path = `/v1/assessments/${assessment.id}/findings`;
    const cases: [string, string][] = [
      ['?severity=severe', 'VALIDATION_FAILED'],
      ['?layer=kernel', 'VALIDATION_FAILED'],
      ['?check=no-such-check', 'UNKNOWN_CHECK'],
      ['?cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR'],
      ['?limit=501', 'VALIDATION_FAILED'],
      ['?limit=0', 'VALIDATION_FAILED'],
      ['?unknown=1', 'VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const response = await raw(`${path}${query}`);
      expect([query, response.status, errorCode(response.body)]).toEqual([query, 400, code]);
    }
  });

  it('validates the request: visibility, one organization, a snapshot, a known profile', async () => {
    const other = await organizationWithCluster('bank');
    const cases: [unknown, number, string][] = [
      [{ engagementId, clusterId: other.clusterId }, 422, 'ENGAGEMENT_CLUSTER_MISMATCH'],
      [{ engagementId: other.engagementId, clusterId: other.clusterId }, 409, 'SNAPSHOT_MISSING'],
      [{ engagementId: '00000000-0000-4000-8000-000000000000', clusterId }, 404, 'NOT_FOUND'],
      [{ engagementId, clusterId, profile: { checks: ['no-such-check'] } }, 400, 'UNKNOWN_CHECK'],
      [{ engagementId, clusterId, profile: { layers: ['kernel'] } }, 400, 'VALIDATION_FAILED'],
      [{ engagementId, clusterId, profile: { everything: true } }, 400, 'VALIDATION_FAILED'],
      [{ engagementId, clusterId: 'not-a-uuid' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const response = await raw('/v1/assessments', { method: 'POST', body });
      expect([body, response.status, errorCode(response.body)]).toEqual([body, status, code]);
    }
  });

  it('evaluates the snapshot that was latest when the assessment was requested, with its profile', async () => {
    const newer = await uploadSnapshot(clusterId, readFileSync(join(EXAMPLES, 'shop', 'rbac.yaml'), 'utf8'));
    const created = await consultant.POST('/v1/assessments', {
      body: { engagementId, clusterId, profile: { layers: ['orchestrator'], namespaces: ['legacy'] } },
    });
    expect(created.data!.snapshotId).toBe(newer);
    const finished = await waitForFinish(created.data!.id);
    expect(finished.status).toBe('succeeded');
    expect(finished.profile).toEqual({ layers: ['orchestrator'], namespaces: ['legacy'] });
    const scoped = await consultant.GET('/v1/assessments/{id}/findings', {
      params: { path: { id: created.data!.id }, query: { limit: 500 } },
    });
    expect(scoped.data!.items.length).toBeGreaterThan(0);
    for (const finding of scoped.data!.items) {
      expect([finding.layer, finding.resource.namespace ?? 'legacy']).toEqual(['orchestrator', 'legacy']);
    }
    const first = await consultant.GET('/v1/assessments/{id}', { params: { path: { id: assessment.id } } });
    expect(first.data!.snapshotId).toBe(snapshotId);
    const listed = await consultant.GET('/v1/assessments', { params: { query: { clusterId, limit: 10 } } });
    expect(listed.data!.items.map((item) => item.id)).toEqual([created.data!.id, assessment.id]);
  });

  it('keeps tenants apart: another organization client gets 404, its own client reads, clients cannot create', async () => {
    const stranger = await organizationWithCluster('stranger');
    const strangerKey = await api.createKey(Role.Client, stranger.organizationId);
    expect((await raw(`/v1/assessments/${assessment.id}`, { key: strangerKey })).status).toBe(404);
    const findings = await raw(`/v1/assessments/${assessment.id}/findings`, { key: strangerKey });
    expect([findings.status, errorCode(findings.body)]).toEqual([404, 'NOT_FOUND']);
    const listed = await apiClient(api.baseUrl, strangerKey).GET('/v1/assessments');
    expect(listed.data!.items).toEqual([]);
    const own = apiClient(api.baseUrl, await api.createKey(Role.Client, organizationId));
    const page = await own.GET('/v1/assessments/{id}/findings', {
      params: { path: { id: assessment.id }, query: { limit: 1 } },
    });
    expect(page.data!.items).toHaveLength(1);
    const denied = await own.POST('/v1/assessments', { body: { engagementId, clusterId } });
    expect(denied.response.status).toBe(403);
    expect((await raw('/v1/assessments/not-a-uuid')).status).toBe(400);
  });
});

describe('assessments while Redis is unreachable', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ redisUrl: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('answers 503 QUEUE_UNAVAILABLE and leaves the assessment failed, not queued forever', async () => {
    const headers = { authorization: `Bearer ${api.adminKey}`, 'content-type': 'application/json' };
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${api.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
      ).json()) as {
        id: string;
      };
    const organization = await post('/v1/organizations', { name: 'offline' });
    const engagement = await post('/v1/engagements', { organizationId: organization.id, name: 'offline' });
    const cluster = await post('/v1/clusters', {
      organizationId: organization.id,
      name: 'offline',
      source: { type: 'snapshot' },
    });
    await fetch(`${api.baseUrl}/v1/clusters/${cluster.id}/snapshots`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/yaml' },
      body: readFileSync(join(EXAMPLES, 'shop', 'namespaces.yaml'), 'utf8'),
    });
    const response = await fetch(`${api.baseUrl}/v1/assessments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ engagementId: engagement.id, clusterId: cluster.id }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('QUEUE_UNAVAILABLE');
    const listed = (await (
      await fetch(`${api.baseUrl}/v1/assessments?clusterId=${cluster.id}`, { headers })
    ).json()) as {
      items: { status: string; failure: string }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ status: 'failed', failure: 'the assessment could not be queued' }),
    ]);
  });
});
