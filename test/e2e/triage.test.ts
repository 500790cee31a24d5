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
type Severity = components['schemas']['Severity'];

function manifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifests(path);
    }
    return /\.ya?ml$/i.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

/** A timestamp `days` ahead, in whole seconds so it round-trips through the API unchanged. */
function daysAhead(days: number): string {
  return new Date(Math.floor((Date.now() + days * DAY_MS) / 1000) * 1000).toISOString();
}

describe('triage end to end', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let organizationId: string;
  let engagementId: string;
  let clusterId: string;
  let first: Assessment;
  let firstFindings: Finding[];
  let accepted: Finding;
  let falsePositive: Finding;
  const acceptance = {
    justification: 'Compensated by the WAF until the Q3 rewrite',
    expiresAt: daysAhead(180),
  };
  const dismissal = 'The value is injected by the platform and never reaches the container';

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
  const triage = (id: string, body: unknown, key?: string) =>
    raw(`/v1/findings/${id}`, { method: 'PATCH', body, ...(key && { key }) });

  async function assess(): Promise<Assessment> {
    const assessment = await runAssessment(consultant, { engagementId, clusterId }, 60_000);
    expect(assessment.status).toBe('succeeded');
    return assessment;
  }

  async function findingsOf(assessment: Assessment): Promise<Map<string, Finding>> {
    const findings = await listAllFindings(consultant, assessment.id);
    return new Map(findings.map((finding) => [finding.fingerprint, finding]));
  }

  /** The open counts by severity after these findings left them. */
  function openCountsWithout(summary: Assessment['summary'], findings: Finding[]): Record<Severity, number> {
    const counts = { ...summary!.findings };
    for (const finding of findings) {
      counts[finding.severity]--;
    }
    return counts;
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    const organization = await consultant.POST('/v1/organizations', { body: { name: 'shop' } });
    organizationId = organization.data!.id;
    const engagement = await consultant.POST('/v1/engagements', {
      body: { organizationId, name: 'shop review' },
    });
    engagementId = engagement.data!.id;
    const cluster = await consultant.POST('/v1/clusters', {
      body: { organizationId, name: 'shop-prod', source: { type: 'snapshot' } },
    });
    clusterId = cluster.data!.id;
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${clusterId}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: manifests(EXAMPLES).join('\n---\n'),
    });
    expect(upload.status).toBe(201);
    first = await assess();
    firstFindings = [...(await findingsOf(first)).values()];
    const open = firstFindings.filter((finding) => finding.status === 'open');
    accepted = open.find((finding) => finding.severity === 'high') ?? open[0]!;
    falsePositive = open.find((finding) => finding.check !== accepted.check && finding.severity !== 'info')!;
    expect(falsePositive).toBeDefined();
  });
  afterAll(async () => {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('accepts one finding and marks another a false positive, answering the updated findings', async () => {
    const acceptedNow = await consultant.PATCH('/v1/findings/{id}', {
      params: { path: { id: accepted.id } },
      body: { status: 'accepted', ...acceptance },
    });
    expect(acceptedNow.response.status).toBe(200);
    expect(acceptedNow.data).toEqual({ ...accepted, status: 'accepted', ...acceptance });

    const dismissed = await consultant.PATCH('/v1/findings/{id}', {
      params: { path: { id: falsePositive.id } },
      body: { status: 'false_positive', justification: `  ${dismissal}  ` },
    });
    expect(dismissed.response.status).toBe(200);
    expect(dismissed.data).toEqual({ ...falsePositive, status: 'false_positive', justification: dismissal });

    const listed = await findingsOf(first);
    expect(listed.get(accepted.fingerprint)).toEqual(acceptedNow.data);
    expect(listed.get(falsePositive.fingerprint)).toEqual(dismissed.data);
    const untouched = firstFindings.filter((f) => ![accepted.id, falsePositive.id].includes(f.id));
    expect(untouched.map((finding) => listed.get(finding.fingerprint))).toEqual(untouched);

    const audit = await raw('/v1/audit-events?action=finding.triage', { key: api.adminKey });
    const events = (audit.body as { items: { targetId: string; outcome: string; status: number }[] }).items;
    expect(events.map((event) => [event.targetId, event.outcome, event.status]).sort()).toEqual(
      [
        [accepted.id, 'success', 200],
        [falsePositive.id, 'success', 200],
      ].sort(),
    );
    // The client sees the decisions taken on its organization's findings in its own audit trail.
    const clientKey = await api.createKey(Role.Client, organizationId);
    const clientAudit = await raw('/v1/audit-events?action=finding.triage', { key: clientKey });
    expect((clientAudit.body as { items: unknown[] }).items).toHaveLength(2);
  });

  it('keeps both decisions on the next assessment of the same snapshot, with its summary counts adjusted', async () => {
    const second = await assess();
    const findings = await findingsOf(second);
    expect([...findings.keys()].sort()).toEqual(firstFindings.map((finding) => finding.fingerprint).sort());
    expect(findings.get(accepted.fingerprint)).toEqual({
      ...accepted,
      id: findings.get(accepted.fingerprint)!.id,
      status: 'accepted',
      ...acceptance,
    });
    expect(findings.get(falsePositive.fingerprint)).toEqual({
      ...falsePositive,
      id: findings.get(falsePositive.fingerprint)!.id,
      status: 'false_positive',
      justification: dismissal,
    });
    for (const finding of firstFindings) {
      if (![accepted.id, falsePositive.id].includes(finding.id)) {
        expect(findings.get(finding.fingerprint)!.status).toBe(finding.status);
      }
    }
    expect(second.summary!.findings).toEqual(openCountsWithout(first.summary, [accepted, falsePositive]));
    expect(second.summary!.accepted).toBe(first.summary!.accepted + 2);
  });

  it('reopens a finding: the next run has it open again while the other decision stays', async () => {
    const latest = await consultant.GET('/v1/assessments', { params: { query: { clusterId, limit: 1 } } });
    const current = (await findingsOf(latest.data!.items[0]!)).get(accepted.fingerprint)!;
    expect(current.status).toBe('accepted');
    const reopened = await consultant.PATCH('/v1/findings/{id}', {
      params: { path: { id: current.id } },
      body: { status: 'open' },
    });
    expect(reopened.response.status).toBe(200);
    expect(reopened.data).toEqual({ ...accepted, id: current.id, status: 'open' });

    const third = await assess();
    const findings = await findingsOf(third);
    expect(findings.get(accepted.fingerprint)).toMatchObject({ status: 'open' });
    expect(findings.get(accepted.fingerprint)).not.toHaveProperty('justification');
    expect(findings.get(accepted.fingerprint)).not.toHaveProperty('expiresAt');
    expect(findings.get(falsePositive.fingerprint)).toMatchObject({
      status: 'false_positive',
      justification: dismissal,
    });
    expect(third.summary!.findings).toEqual(openCountsWithout(first.summary, [falsePositive]));
    expect(third.summary!.accepted).toBe(first.summary!.accepted + 1);
  });

  it('rejects a request that breaks the triage rules with a stable code, changing nothing', async () => {
    const target = firstFindings.find(
      (f) => f.status === 'open' && ![accepted.id, falsePositive.id].includes(f.id),
    )!;
    const future = daysAhead(30);
    const cases: [unknown, string][] = [
      [{ status: 'accepted', expiresAt: future }, 'JUSTIFICATION_REQUIRED'],
      [{ status: 'accepted', justification: null, expiresAt: future }, 'JUSTIFICATION_REQUIRED'],
      [{ status: 'false_positive' }, 'JUSTIFICATION_REQUIRED'],
      [{ status: 'accepted', justification: 'ok' }, 'EXPIRY_REQUIRED'],
      [{ status: 'accepted', justification: 'ok', expiresAt: daysAhead(-1) }, 'EXPIRY_NOT_IN_FUTURE'],
      [{ status: 'accepted', justification: 'ok', expiresAt: daysAhead(3 * 366) }, 'EXPIRY_TOO_FAR'],
      [{ status: 'fixed' }, 'VALIDATION_FAILED'],
      [{ status: 'wontfix', justification: 'ok' }, 'VALIDATION_FAILED'],
      [{ justification: 'ok' }, 'VALIDATION_FAILED'],
      [{ status: 'false_positive', justification: 'ok', expiresAt: future }, 'VALIDATION_FAILED'],
      [{ status: 'open', justification: 'ok' }, 'VALIDATION_FAILED'],
      [{ status: 'accepted', justification: '   ', expiresAt: future }, 'VALIDATION_FAILED'],
      [{ status: 'accepted', justification: 'x'.repeat(4001), expiresAt: future }, 'VALIDATION_FAILED'],
      [{ status: 'accepted', justification: 'ok', expiresAt: '2027-01-31' }, 'VALIDATION_FAILED'],
      [{ status: 'accepted', justification: 'ok', expiresAt: '2027-02-30T00:00:00Z' }, 'VALIDATION_FAILED'],
      [{ status: 'accepted', justification: 'ok', expiresAt: future, owner: 'me' }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const response = await triage(target.id, body);
      expect([body, response.status, errorCode(response.body)]).toEqual([body, 400, code]);
    }
    const tooFar = await triage(target.id, {
      status: 'accepted',
      justification: 'ok',
      expiresAt: daysAhead(800),
    });
    expect((tooFar.body as { error: { details: { latest: string } } }).error.details.latest).toMatch(
      /^\d{4}-/,
    );
    expect((await findingsOf(first)).get(target.fingerprint)).toEqual(target);

    for (const id of ['abc', '0', '-1', '1.5', '01', '99999999999999999999']) {
      const response = await triage(id, { status: 'open' });
      expect([id, response.status, errorCode(response.body)]).toEqual([id, 400, 'INVALID_ID']);
    }
    const missing = await triage('9000000000', { status: 'open' });
    expect([missing.status, errorCode(missing.body)]).toEqual([404, 'NOT_FOUND']);
  });

  it('lets admins and consultants triage, not clients or integrations; another tenant sees none of it', async () => {
    const body = { status: 'false_positive', justification: dismissal };
    for (const role of [Role.Client, Role.Integration]) {
      const response = await triage(falsePositive.id, body, await api.createKey(role, organizationId));
      expect([role, response.status, errorCode(response.body)]).toEqual([role, 403, 'FORBIDDEN']);
    }
    expect((await triage(falsePositive.id, body, api.adminKey)).status).toBe(200);

    const stranger = await consultant.POST('/v1/organizations', { body: { name: 'stranger' } });
    const strangerKey = await api.createKey(Role.Client, stranger.data!.id);
    const read = await raw(`/v1/assessments/${first.id}/findings`, { key: strangerKey });
    expect([read.status, errorCode(read.body)]).toEqual([404, 'NOT_FOUND']);
    const write = await triage(falsePositive.id, { status: 'open' }, strangerKey);
    expect([write.status, errorCode(write.body)]).toEqual([403, 'FORBIDDEN']);
    expect((await findingsOf(first)).get(falsePositive.fingerprint)!.status).toBe('false_positive');
  });
});
