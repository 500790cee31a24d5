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
import { apiClient, type ApiClient } from '../support/client';
import { listAllFindings, runAssessment } from '../support/assessment-runs';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const DAY_MS = 86_400_000;

type Finding = components['schemas']['FindingDto'];
type Assessment = components['schemas']['AssessmentDto'];
type Exception = components['schemas']['ExceptionDto'];
type NewException = components['schemas']['CreateExceptionDto'];

function manifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifests(path);
    }
    return /\.ya?ml$/i.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** A timestamp `ms` ahead, in whole milliseconds as the API returns it. */
const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

const sameResource = (a: Finding, b: Finding) =>
  a.resource.kind === b.resource.kind &&
  a.resource.namespace === b.resource.namespace &&
  a.resource.name === b.resource.name;

describe('exceptions end to end', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let shop: { organizationId: string; engagementId: string; clusterId: string };
  let bank: { organizationId: string; engagementId: string; clusterId: string };
  let baseline: Assessment;
  let baselineFindings: Finding[];
  /** Findings of one check on one workload: what the cluster exception covers. */
  let covered: Finding[];
  /** Findings of another check on another workload: what the exception that expires covers. */
  let lapsed: Finding[];
  /** Findings on the log-agent DaemonSet (selected by label): what the organization-wide exception covers. */
  let labelled: Finding[];
  const created: Record<'cluster' | 'organization' | 'unused' | 'expiring', Exception> = {} as never;
  let withExceptions: Assessment;

  /** For requests the contract types forbid on purpose: malformed values, unknown fields. */
  const raw = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${init.key ?? consultantKey}` },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
  };
  const errorCode = (body: unknown) => (body as { error?: { code: string } } | undefined)?.error?.code;

  async function organizationWithCluster(name: string) {
    const organization = await consultant.POST('/v1/organizations', { body: { name } });
    const organizationId = organization.data!.id;
    const engagement = await consultant.POST('/v1/engagements', {
      body: { organizationId, name: `${name} review` },
    });
    const cluster = await consultant.POST('/v1/clusters', {
      body: { organizationId, name: `${name}-prod`, source: { type: 'snapshot' } },
    });
    return { organizationId, engagementId: engagement.data!.id, clusterId: cluster.data!.id };
  }

  async function assess(): Promise<Assessment> {
    const assessment = await runAssessment(
      consultant,
      { engagementId: shop.engagementId, clusterId: shop.clusterId },
      60_000,
    );
    expect(assessment.status).toBe('succeeded');
    return assessment;
  }

  async function findingsOf(assessment: Assessment): Promise<Map<string, Finding>> {
    const findings = await listAllFindings(consultant, assessment.id);
    return new Map(findings.map((finding) => [finding.fingerprint, finding]));
  }

  async function create(body: NewException): Promise<Exception> {
    const response = await consultant.POST('/v1/exceptions', { body });
    expect(response.response.status).toBe(201);
    return response.data!;
  }

  const reportOf = (assessment: Assessment, exception: Exception) =>
    assessment.exceptions.find((report) => report.id === exception.id);

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    shop = await organizationWithCluster('shop');
    bank = await organizationWithCluster('bank');
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${shop.clusterId}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: manifests(EXAMPLES).join('\n---\n'),
    });
    expect(upload.status).toBe(201);
    baseline = await assess();
    baselineFindings = [...(await findingsOf(baseline)).values()];
    expect(baselineFindings.every((finding) => finding.status === 'open')).toBe(true);

    labelled = baselineFindings.filter(
      (f) => f.resource.kind === 'DaemonSet' && f.resource.name === 'log-agent',
    );
    const first = baselineFindings.find((f) => f.resource.kind === 'Deployment' && f.resource.namespace)!;
    covered = baselineFindings.filter((f) => f.check === first.check && sameResource(f, first));
    const other = baselineFindings.find(
      (f) => f.resource.kind === 'Deployment' && f.check !== first.check && !sameResource(f, first),
    )!;
    lapsed = baselineFindings.filter((f) => f.check === other.check && sameResource(f, other));
    expect([labelled.length > 0, covered.length > 0, lapsed.length > 0]).toEqual([true, true, true]);
  });
  afterAll(async () => {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('creates exceptions for one cluster or the whole organization', async () => {
    const target = covered[0]!;
    const expiresAt = ahead(30 * DAY_MS);
    created.cluster = await create({
      organizationId: shop.organizationId,
      clusterId: shop.clusterId,
      check: target.check,
      selector: { namespace: target.resource.namespace!, kind: 'Deployment', name: target.resource.name },
      justification: 'Vendor image; the vendor ships the fix in the next release',
      expiresAt,
    });
    expect(created.cluster).toMatchObject({
      organizationId: shop.organizationId,
      clusterId: shop.clusterId,
      check: target.check,
      selector: { namespace: target.resource.namespace, kind: 'Deployment', name: target.resource.name },
      expiresAt,
      expired: false,
    });
    created.organization = await create({
      organizationId: shop.organizationId,
      check: labelled[0]!.check,
      selector: { labels: { 'app.kubernetes.io/name': 'log-agent' } },
      justification: 'The log agent reads node logs by design',
      expiresAt,
    });
    expect(created.organization.clusterId).toBeNull();
    created.unused = await create({
      organizationId: shop.organizationId,
      clusterId: shop.clusterId,
      check: target.check,
      selector: { namespace: 'no-such-*' },
      justification: 'Nothing matches this one',
      expiresAt,
    });
    created.expiring = await create({
      organizationId: shop.organizationId,
      clusterId: shop.clusterId,
      check: lapsed[0]!.check,
      selector: {
        namespace: lapsed[0]!.resource.namespace!,
        name: `${lapsed[0]!.resource.name.slice(0, 3)}*`,
      },
      justification: 'Granted for a moment only',
      expiresAt: ahead(1_500),
    });

    const fetched = await consultant.GET('/v1/exceptions/{id}', {
      params: { path: { id: created.cluster.id } },
    });
    expect(fetched.data).toEqual(created.cluster);
    const listed = await consultant.GET('/v1/exceptions', {
      params: { query: { organizationId: shop.organizationId } },
    });
    const newestFirst = [created.expiring, created.unused, created.organization, created.cluster];
    expect(listed.data!.items.map((item) => item.id)).toEqual(newestFirst.map((item) => item.id));
    const forCluster = await consultant.GET('/v1/exceptions', {
      params: { query: { clusterId: shop.clusterId } },
    });
    expect(forCluster.data!.items.map((item) => item.id)).toEqual(newestFirst.map((item) => item.id));
    const forOther = await consultant.GET('/v1/exceptions', {
      params: { query: { clusterId: bank.clusterId } },
    });
    expect(forOther.data!.items).toEqual([]);
    const firstPage = await consultant.GET('/v1/exceptions', { params: { query: { limit: 3 } } });
    const secondPage = await consultant.GET('/v1/exceptions', {
      params: { query: { limit: 3, cursor: firstPage.data!.nextCursor! } },
    });
    expect([...firstPage.data!.items, ...secondPage.data!.items].map((item) => item.id)).toEqual(
      newestFirst.map((item) => item.id),
    );
    expect(secondPage.data!.nextCursor).toBeNull();
  });

  it('accepts the matching findings, linked to their exception, and reports applied, unused and expired', async () => {
    const wait = Date.parse(created.expiring.expiresAt) + 100 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(wait, 0)));
    withExceptions = await assess();
    expect(reportOf(withExceptions, created.cluster)).toEqual({
      id: created.cluster.id,
      check: created.cluster.check,
      state: 'applied',
      matched: covered.length,
      expires: created.cluster.expiresAt,
    });
    expect(reportOf(withExceptions, created.organization)).toMatchObject({
      state: 'applied',
      matched: labelled.filter((finding) => finding.check === created.organization.check).length,
    });
    expect(reportOf(withExceptions, created.unused)).toMatchObject({ state: 'unused', matched: 0 });
    expect(reportOf(withExceptions, created.expiring)).toMatchObject({ state: 'expired', matched: 0 });

    const findings = await findingsOf(withExceptions);
    for (const finding of covered) {
      expect(findings.get(finding.fingerprint)).toEqual({
        ...finding,
        id: findings.get(finding.fingerprint)!.id,
        status: 'accepted',
        justification: created.cluster.justification,
        expiresAt: created.cluster.expiresAt,
        exceptionId: created.cluster.id,
      });
    }
    for (const finding of labelled.filter((f) => f.check === created.organization.check)) {
      expect(findings.get(finding.fingerprint)).toMatchObject({
        status: 'accepted',
        exceptionId: created.organization.id,
      });
    }
    for (const finding of lapsed) {
      expect(findings.get(finding.fingerprint)!.status).toBe('open');
      expect(findings.get(finding.fingerprint)).not.toHaveProperty('exceptionId');
    }
    const acceptedCount = [...findings.values()].filter((finding) => finding.status === 'accepted').length;
    expect(withExceptions.summary!.accepted).toBe(acceptedCount);
    expect(acceptedCount).toBe(covered.length + reportOf(withExceptions, created.organization)!.matched);

    const expiring = await consultant.GET('/v1/exceptions/{id}', {
      params: { path: { id: created.expiring.id } },
    });
    expect(expiring.data!.expired).toBe(true);
  });

  it('refuses to reopen a finding while the exception that accepted it holds', async () => {
    const finding = (await findingsOf(withExceptions)).get(covered[0]!.fingerprint)!;
    const response = await raw(`/v1/findings/${finding.id}`, { method: 'PATCH', body: { status: 'open' } });
    expect([response.status, errorCode(response.body)]).toEqual([409, 'FINDING_ACCEPTED_BY_EXCEPTION']);
    expect((response.body as { error: { details: unknown } }).error.details).toEqual({
      exceptionId: created.cluster.id,
    });
  });

  it('rejects invalid exceptions with a stable code and stores none of them', async () => {
    const valid = {
      organizationId: shop.organizationId,
      clusterId: shop.clusterId,
      check: covered[0]!.check,
      selector: { namespace: 'payments' },
      justification: 'Reviewed with the client',
      expiresAt: ahead(DAY_MS),
    };
    const cases: [unknown, number, string][] = [
      [{ ...valid, check: 'no-such-check' }, 400, 'UNKNOWN_CHECK'],
      [{ ...valid, expiresAt: ahead(-60_000) }, 400, 'EXPIRY_NOT_IN_FUTURE'],
      [{ ...valid, expiresAt: ahead(3 * 366 * DAY_MS) }, 400, 'EXPIRY_TOO_FAR'],
      [{ ...valid, clusterId: bank.clusterId }, 404, 'NOT_FOUND'],
      [{ ...valid, organizationId: bank.organizationId }, 404, 'NOT_FOUND'],
      [{ ...valid, organizationId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
      [{ ...valid, clusterId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
      [{ ...valid, selector: undefined }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, selector: { namespace: '' } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, selector: { kind: 'Deploy ment' } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, selector: { labels: { app: 1 } } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, selector: { labels: ['app'] } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, selector: { image: 'nginx:*' } }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, justification: ' ' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, expiresAt: undefined }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, expiresAt: 'tomorrow' }, 400, 'VALIDATION_FAILED'],
      [{ ...valid, clusterId: 'prod' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const response = await raw('/v1/exceptions', { method: 'POST', body });
      expect([body, response.status, errorCode(response.body)]).toEqual([body, status, code]);
    }
    const listed = await consultant.GET('/v1/exceptions', { params: { query: { limit: 500 } } });
    expect(listed.data!.items).toHaveLength(4);
  });

  it("lets every role read its organization's exceptions and only admins and consultants write", async () => {
    for (const role of [Role.Client, Role.Integration]) {
      const key = await api.createKey(role, shop.organizationId);
      const listed = await apiClient(api.baseUrl, key).GET('/v1/exceptions');
      expect(listed.data!.items).toHaveLength(4);
      expect((await raw(`/v1/exceptions/${created.cluster.id}`, { key })).status).toBe(200);
      const post = await raw('/v1/exceptions', { method: 'POST', key, body: {} });
      expect([role, post.status, errorCode(post.body)]).toEqual([role, 403, 'FORBIDDEN']);
      const removal = await raw(`/v1/exceptions/${created.cluster.id}`, { method: 'DELETE', key });
      expect([role, removal.status]).toEqual([role, 403]);
    }
    const stranger = await api.createKey(Role.Client, bank.organizationId);
    const read = await raw(`/v1/exceptions/${created.cluster.id}`, { key: stranger });
    expect([read.status, errorCode(read.body)]).toEqual([404, 'NOT_FOUND']);
    const listed = await apiClient(api.baseUrl, stranger).GET('/v1/exceptions', {
      params: { query: { organizationId: shop.organizationId } },
    });
    expect(listed.data!.items).toEqual([]);
    expect((await raw('/v1/exceptions/not-a-uuid')).status).toBe(400);
  });

  it('deletes an exception: 204, then gone, and later runs no longer apply it', async () => {
    const removal = await consultant.DELETE('/v1/exceptions/{id}', {
      params: { path: { id: created.cluster.id } },
    });
    expect(removal.response.status).toBe(204);
    const read = await raw(`/v1/exceptions/${created.cluster.id}`);
    expect([read.status, errorCode(read.body)]).toEqual([404, 'NOT_FOUND']);
    const again = await raw(`/v1/exceptions/${created.cluster.id}`, { method: 'DELETE' });
    expect([again.status, errorCode(again.body)]).toEqual([404, 'NOT_FOUND']);

    const after = await assess();
    expect(reportOf(after, created.cluster)).toBeUndefined();
    expect(reportOf(after, created.organization)).toMatchObject({ state: 'applied' });
    const findings = await findingsOf(after);
    for (const finding of covered) {
      expect(findings.get(finding.fingerprint)!.status).toBe('open');
      expect(findings.get(finding.fingerprint)).not.toHaveProperty('exceptionId');
    }
    // The earlier run keeps its link as history, and reopening there is allowed now the exception is gone.
    const earlier = (await findingsOf(withExceptions)).get(covered[0]!.fingerprint)!;
    expect(earlier.exceptionId).toBe(created.cluster.id);
    const reopened = await consultant.PATCH('/v1/findings/{id}', {
      params: { path: { id: earlier.id } },
      body: { status: 'open' },
    });
    expect(reopened.response.status).toBe(200);
    expect(reopened.data).not.toHaveProperty('exceptionId');
  });
});
