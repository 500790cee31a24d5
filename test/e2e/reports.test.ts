import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import type { components } from '../../openapi/schema';
import { startTestApi, type TestApi } from '../support/api';
import { listAllFindings, runAssessment, type Assessment } from '../support/assessment-runs';
import { apiClient, type ApiClient } from '../support/client';
import { until } from '../support/until';
import { ReportRenderer } from '../../src/modules/reports/render/report-renderer';

type Report = components['schemas']['ReportDto'];
interface AuditEvent {
  action: string;
  targetType: string | null;
  details: Record<string, string> | null;
  keyId: string | null;
  role: string | null;
  organizationId: string | null;
  targetId: string | null;
  outcome: string;
  status: number;
  path: string;
}

/** Tests wait for renderings on the queue: a PDF takes one to several seconds on a busy machine. */
jest.setTimeout(60_000);

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const ACCEPTANCE = 'Compensated by the WAF until the Q3 rewrite';

function manifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifests(path);
    }
    return /\.ya?ml$/i.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Replaces one character of the token's signature: what a guesser or a careless copy produces. */
function tamper(url: string): string {
  const last = url.at(-5)!;
  return `${url.slice(0, -5)}${last === 'A' ? 'B' : 'A'}${url.slice(-4)}`;
}

describe('reports through the service', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let clientKey: string;
  let database: Client;
  const orgA = { id: '', engagementId: '', clusterId: '' };
  let first: Assessment;
  let second: Assessment;
  let otherAssessment: Assessment;

  const download = (path: string, key?: string, headers: Record<string, string> = {}) =>
    fetch(path.startsWith('http') ? path : `${api.baseUrl}${path}`, {
      headers: { ...headers, ...(key && { authorization: `Bearer ${key}` }) },
    });
  /** For bodies the contract types forbid on purpose, and to read the error of a refusal. */
  const postReport = (assessmentId: string, body: unknown) =>
    fetch(`${api.baseUrl}/v1/assessments/${assessmentId}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${consultantKey}` },
      body: JSON.stringify(body),
    });
  const errorCode = async (response: Response) =>
    ((await response.json()) as { error: { code: string } }).error.code;

  async function setUpOrganization(name: string) {
    const organization = await consultant.POST('/v1/organizations', { body: { name } });
    const organizationId = organization.data!.id;
    const engagement = await consultant.POST('/v1/engagements', {
      body: { organizationId, name: `${name} platform review` },
    });
    const cluster = await consultant.POST('/v1/clusters', {
      body: { organizationId, name: `${name.toLowerCase()}-prod`, source: { type: 'snapshot' } },
    });
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${cluster.data!.id}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: manifests(EXAMPLES).join('\n---\n'),
    });
    expect(upload.status).toBe(201);
    return { id: organizationId, engagementId: engagement.data!.id, clusterId: cluster.data!.id };
  }

  async function succeeded(target: { engagementId: string; clusterId: string }): Promise<Assessment> {
    const { engagementId, clusterId } = target;
    const assessment = await runAssessment(consultant, { engagementId, clusterId }, 60_000);
    expect(assessment.status).toBe('succeeded');
    return assessment;
  }

  async function requestReport(assessmentId: string, format: 'pdf' | 'markdown'): Promise<Report> {
    const created = await consultant.POST('/v1/assessments/{id}/reports', {
      params: { path: { id: assessmentId } },
      body: { format },
    });
    expect(created.response.status).toBe(202);
    expect(created.data!.status).toBe('queued');
    return created.data!;
  }

  async function ready(id: string): Promise<Report> {
    const report = await until('the rendering', async () => {
      const { data } = await consultant.GET('/v1/reports/{id}', { params: { path: { id } } });
      return data!.status === 'ready' || data!.status === 'failed' ? data! : undefined;
    });
    expect(report.failure).toBeNull();
    expect(report.status).toBe('ready');
    return report;
  }

  async function auditEvents(action: string): Promise<AuditEvent[]> {
    const response = await download(`/v1/audit-events?action=${action}&limit=500`, api.adminKey);
    return ((await response.json()) as { items: AuditEvent[] }).items;
  }

  beforeAll(async () => {
    api = await startTestApi({ publicUrl: 'https://reports.example.test' });
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    database = new Client({ connectionString: api.database.url });
    await database.connect();
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    Object.assign(orgA, await setUpOrganization('Acme'));
    const orgB = await setUpOrganization('Globex');
    clientKey = await api.createKey(Role.Client, orgA.id);
    first = await succeeded(orgA);
    const [open] = (await listAllFindings(consultant, first.id)).filter((f) => f.severity === 'high');
    const triage = await consultant.PATCH('/v1/findings/{id}', {
      params: { path: { id: open!.id } },
      body: {
        status: 'accepted',
        justification: ACCEPTANCE,
        expiresAt: new Date(Math.floor(Date.now() / 1000 + 90 * 86_400) * 1000).toISOString(),
      },
    });
    expect(triage.response.status).toBe(200);
    second = await succeeded(orgA);
    otherAssessment = await succeeded(orgB);
  }, 180_000);
  afterAll(async () => {
    await database?.end();
    for (const queue of [QueueName.AssessmentRun, QueueName.ReportRender]) {
      await worker?.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
    }
    await worker?.close();
    await api?.close();
  });

  it('renders a PDF on the queue and serves it with its type, file name and sha256 as ETag', async () => {
    const report = await ready((await requestReport(second.id, 'pdf')).id);
    const response = await download(`/v1/reports/${report.id}/content`, consultantKey);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="kubeassay-report-${report.id}.pdf"`,
    );
    expect(report.sha256).toBe(sha256(bytes));
    expect(report.sizeBytes).toBe(bytes.length);
    expect(response.headers.get('etag')).toBe(`"${report.sha256}"`);
    const again = await download(`/v1/reports/${report.id}/content`, consultantKey, {
      'if-none-match': `"${report.sha256}"`,
      // fetch adds `Cache-Control: no-cache` to a conditional request unless one is given, which forbids a 304.
      'cache-control': 'max-age=0',
    });
    expect(again.status).toBe(304);
    const [notModified, sent] = (await auditEvents('report.download')).filter(
      (e) => e.targetId === report.id,
    );
    expect(notModified).toMatchObject({ status: 304, outcome: 'success', organizationId: orgA.id });
    expect(sent).toMatchObject({ status: 200, outcome: 'success', organizationId: orgA.id });
    const [created] = (await auditEvents('report.create')).filter((e) => e.targetId === report.id);
    expect(created).toMatchObject({ targetType: 'report', organizationId: orgA.id, status: 202 });
  });

  it('reports the records, the triage and the comparison with the previous assessment in Markdown', async () => {
    const report = await ready((await requestReport(second.id, 'markdown')).id);
    const response = await download(`/v1/reports/${report.id}/content`, consultantKey);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const text = await response.text();
    for (const expected of [
      'Acme',
      'Acme platform review',
      'acme-prod',
      report.id,
      'Confidential',
      ACCEPTANCE,
    ]) {
      expect(text).toContain(expected);
    }
    const diff = await consultant.GET('/v1/assessments/{id}/diff', { params: { path: { id: second.id } } });
    const { new: added, fixed, persisting } = diff.data!;
    expect(text).toContain(`${added.count} new, ${fixed.count} fixed, ${persisting.count} persisting`);
    expect(persisting.count).toBeGreaterThan(0);
  });

  it('keeps a ready report immutable: rendering or failing it again changes nothing', async () => {
    const before = await ready((await requestReport(first.id, 'markdown')).id);
    const bytesBefore = Buffer.from(
      await (await download(`/v1/reports/${before.id}/content`, consultantKey)).arrayBuffer(),
    );
    await worker.get(ReportRenderer).render(before.id);
    await worker.get(ReportRenderer).fail(before.id, 'a late failure');
    const later = await ready((await requestReport(first.id, 'markdown')).id);
    expect(later.id).not.toBe(before.id);
    const after = await consultant.GET('/v1/reports/{id}', { params: { path: { id: before.id } } });
    expect(after.data).toEqual(before);
    const bytesAfter = Buffer.from(
      await (await download(`/v1/reports/${before.id}/content`, consultantKey)).arrayBuffer(),
    );
    expect(bytesAfter.equals(bytesBefore)).toBe(true);
  });

  it('answers 409 for a report not rendered yet and for an assessment that has not succeeded', async () => {
    const queue = worker.get<Queue>(getQueueToken(QueueName.ReportRender));
    await queue.pause();
    try {
      const pending = await requestReport(second.id, 'pdf');
      const response = await download(`/v1/reports/${pending.id}/content`, consultantKey);
      expect(response.status).toBe(409);
      expect(await errorCode(response)).toBe('REPORT_NOT_READY');
      const share = await consultant.POST('/v1/reports/{id}/share-links', {
        params: { path: { id: pending.id } },
        body: { expiresInHours: 1 },
      });
      expect(share.response.status).toBe(409);
    } finally {
      await queue.resume();
    }
    // Paused, so the small example cannot finish before the cancel lands.
    const runs = worker.get<Queue>(getQueueToken(QueueName.AssessmentRun));
    await runs.pause();
    const queued = await consultant.POST('/v1/assessments', {
      body: { engagementId: orgA.engagementId, clusterId: orgA.clusterId },
    });
    const cancel = await consultant.POST('/v1/assessments/{id}/cancel', {
      params: { path: { id: queued.data!.id } },
    });
    await runs.resume();
    expect(cancel.data!.status).toBe('cancelled');
    const refused = await postReport(queued.data!.id, { format: 'pdf' });
    expect(refused.status).toBe(409);
    expect(await errorCode(refused)).toBe('ASSESSMENT_NOT_SUCCEEDED');
  });

  it('validates the request: format, confidentiality marking, unknown fields', async () => {
    for (const body of [
      {},
      { format: 'docx' },
      { format: 'pdf', confidentiality: 'a\nb' },
      { format: 'pdf', confidentiality: 'a\u2028b' },
      { format: 'pdf', confidentiality: 'a\u202eb' },
      { format: 'pdf', x: 1 },
    ]) {
      const response = await postReport(second.id, body);
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it("lets a client list and download its own organization's reports and answers 404 for another's", async () => {
    const own = await ready((await requestReport(second.id, 'pdf')).id);
    const others = await ready((await requestReport(otherAssessment.id, 'pdf')).id);
    const client = apiClient(api.baseUrl, clientKey);
    const listed = await client.GET('/v1/reports', { params: { query: { limit: 500 } } });
    expect(listed.data!.items.length).toBeGreaterThan(0);
    expect(new Set(listed.data!.items.map((report) => report.organizationId))).toEqual(new Set([orgA.id]));
    expect((await download(`/v1/reports/${own.id}`, clientKey)).status).toBe(200);
    expect((await download(`/v1/reports/${own.id}/content`, clientKey)).status).toBe(200);
    const integrationKey = await api.createKey(Role.Integration, orgA.id);
    expect((await download(`/v1/reports/${own.id}/content`, integrationKey)).status).toBe(200);
    expect((await download(`/v1/reports/${others.id}/content`, integrationKey)).status).toBe(404);
    expect((await download(`/v1/reports/${others.id}`, clientKey)).status).toBe(404);
    const denied = await download(`/v1/reports/${others.id}/content`, clientKey);
    expect(denied.status).toBe(404);
    expect(await errorCode(denied)).toBe('NOT_FOUND');
    const downloads = await auditEvents('report.download');
    const ownEvent = downloads.find((event) => event.targetId === own.id && event.role === 'client');
    expect(ownEvent).toMatchObject({ outcome: 'success', status: 200, organizationId: orgA.id });
    const deniedEvent = downloads.find((event) => event.targetId === others.id && event.role === 'client');
    expect(deniedEvent).toMatchObject({ outcome: 'denied', status: 404 });
  });

  describe('share links', () => {
    let report: Report;
    let bytes: Buffer;

    beforeAll(async () => {
      report = await ready((await requestReport(second.id, 'pdf')).id);
      bytes = Buffer.from(
        await (await download(`/v1/reports/${report.id}/content`, consultantKey)).arrayBuffer(),
      );
    });

    async function share(expiresInHours = 24) {
      const created = await consultant.POST('/v1/reports/{id}/share-links', {
        params: { path: { id: report.id } },
        body: { expiresInHours },
      });
      expect(created.response.status).toBe(201);
      return created.data!;
    }

    it('downloads the report without a key, uncached, and counts and audits every download', async () => {
      const link = await share(168);
      expect(link.url).toMatch(/^https:\/\/reports\.example\.test\/v1\/shared-reports\/[\w-]+\.[\w-]+$/);
      const lifetime = Date.parse(link.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(167 * 3_600_000);
      expect(lifetime).toBeLessThanOrEqual(168 * 3_600_000);
      const [created] = (await auditEvents('share_link.create')).filter((e) => e.targetId === link.id);
      expect(created).toMatchObject({ targetType: 'share_link', organizationId: orgA.id, status: 201 });
      const before = (await auditEvents('report.shared_download')).length;
      const token = link.url.split('/').at(-1)!;
      // The router matches paths in any case: the token must stay out of the trail however it is spelled.
      for (const path of [`/v1/shared-reports/${token}`, `/V1/Shared-Reports/${token}`]) {
        const response = await download(path);
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
        expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      }
      const listed = await consultant.GET('/v1/reports/{id}/share-links', {
        params: { path: { id: report.id } },
      });
      expect(listed.data!.items.find((item) => item.id === link.id)).toMatchObject({ downloads: 2 });
      expect(JSON.stringify(listed.data)).not.toContain(token);
      const events = await auditEvents('report.shared_download');
      expect(events.length - before).toBe(2);
      const shared = {
        outcome: 'success',
        targetId: report.id,
        organizationId: orgA.id,
        keyId: null,
        details: { shareLinkId: link.id },
      };
      expect(events[0]).toMatchObject({ ...shared, path: '/V1/Shared-Reports/[Redacted]' });
      expect(events[1]).toMatchObject({ ...shared, path: '/v1/shared-reports/[Redacted]' });
      expect(JSON.stringify(await auditEvents('report.shared_download'))).not.toContain(token);
    });

    it('answers 401 to a tampered token, 410 once expired or revoked, and audits each refusal', async () => {
      const local = (url: string) => url.replace('https://reports.example.test', api.baseUrl);
      const tampered = await share();
      const expired = await share();
      const revoked = await share();
      await database.query(
        `UPDATE report_share_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
        [expired.id],
      );
      const revocation = await consultant.DELETE('/v1/reports/{id}/share-links/{linkId}', {
        params: { path: { id: report.id, linkId: revoked.id } },
      });
      expect(revocation.response.status).toBe(204);
      const [revokedEvent] = (await auditEvents('share_link.revoke')).filter(
        (e) => e.targetId === revoked.id,
      );
      expect(revokedEvent).toMatchObject({ targetType: 'share_link', organizationId: orgA.id, status: 204 });
      const before = (await auditEvents('report.shared_download')).length;
      const outcomes = [];
      for (const url of [tamper(tampered.url), `${local(tampered.url)}x`, expired.url, revoked.url]) {
        const response = await download(local(url));
        outcomes.push(`${response.status} ${await errorCode(response)}`);
      }
      expect(outcomes).toEqual([
        '401 SHARE_LINK_INVALID',
        '401 SHARE_LINK_INVALID',
        '410 SHARE_LINK_EXPIRED',
        '410 SHARE_LINK_REVOKED',
      ]);
      expect((await download(local(tampered.url))).status).toBe(200);
      const events = await auditEvents('report.shared_download');
      const refusals = events.slice(0, events.length - before);
      expect(refusals.map((event) => `${event.outcome} ${event.status}`)).toEqual([
        'success 200',
        'denied 410',
        'denied 410',
        'denied 401',
        'denied 401',
      ]);
      expect(refusals.slice(1, 3)).toMatchObject([
        { targetId: report.id, organizationId: orgA.id, details: { shareLinkId: revoked.id } },
        { targetId: report.id, organizationId: orgA.id, details: { shareLinkId: expired.id } },
      ]);
    });

    it('refuses lifetimes outside 1 to 168 whole hours, and never lets a cache keep the URL', async () => {
      for (const expiresInHours of [0, 169, 1.5, true, '24']) {
        const response = await fetch(`${api.baseUrl}/v1/reports/${report.id}/share-links`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${consultantKey}` },
          body: JSON.stringify({ expiresInHours }),
        });
        expect(response.status).toBe(400);
      }
      const created = await consultant.POST('/v1/reports/{id}/share-links', {
        params: { path: { id: report.id } },
        body: { expiresInHours: 1 },
      });
      expect(created.response.headers.get('cache-control')).toBe('no-store');
    });
  });
});
