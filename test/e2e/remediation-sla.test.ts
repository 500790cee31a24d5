import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';
import { runAssessment } from '../support/assessment-runs';
import { apiClient, type ApiClient } from '../support/client';

jest.setTimeout(60_000);

const DAY_MS = 86_400_000;

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: {name: debug, namespace: ops}
spec:
  containers:
    - name: debug
      image: registry.example/debug:1.0@sha256:${'b'.repeat(64)}
      securityContext: {privileged: true}
`;

/** The UTC date `days` after now, as tickets carry their due date. */
function inDays(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

describe("an organization's remediation SLA", () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let organizationId: string;
  let engagementId: string;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    organizationId = (await consultant.POST('/v1/organizations', { body: { name: 'Umbrella' } })).data!.id;
    engagementId = (await consultant.POST('/v1/engagements', { body: { organizationId, name: 'audit' } }))
      .data!.id;
    const clusterId = (
      await consultant.POST('/v1/clusters', {
        body: { organizationId, name: 'ops', source: { type: 'snapshot' } },
      })
    ).data!.id;
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${clusterId}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: PRIVILEGED_POD,
    });
    expect(upload.status).toBe(201);
    expect((await runAssessment(consultant, { engagementId, clusterId })).status).toBe('succeeded');
  });
  afterAll(async () => {
    for (const queue of [QueueName.AssessmentRun, QueueName.TicketSync]) {
      await worker?.get<Queue>(getQueueToken(queue)).obliterate({ force: true });
    }
    await worker?.close();
    await api?.close();
  });

  it('starts from the defaults, and dates new tickets by the SLA the organization sets', async () => {
    const before = await consultant.GET('/v1/organizations/{id}', {
      params: { path: { id: organizationId } },
    });
    expect(before.data!.remediationSlaDays).toEqual({
      critical: 7,
      high: 30,
      medium: 90,
      low: 180,
      info: 365,
    });
    const sla = { critical: 2, high: 14, medium: 60, low: 120, info: 240 };
    const set = await consultant.PUT('/v1/organizations/{id}/remediation-sla', {
      params: { path: { id: organizationId } },
      body: sla,
    });
    expect(set.data!.remediationSlaDays).toEqual(sla);
    // Around midnight UTC the build may fall on either side of it.
    const due = [inDays(2)];
    await consultant.POST('/v1/engagements/{id}/tickets', {
      params: { path: { id: engagementId } },
      body: { minSeverity: 'critical' },
    });
    due.push(inDays(2));
    const { data } = await consultant.GET('/v1/tickets', { params: { query: { engagementId } } });
    expect(data!.items.map((ticket) => ticket.check)).toEqual(['container-privileged']);
    expect(due).toContain(data!.items[0]!.dueOn);
  });

  it('refuses days outside 1 to 3,650, missing severities, client keys and unknown organizations', async () => {
    const put = (id: string, body: unknown, key = consultantKey) =>
      fetch(`${api.baseUrl}/v1/organizations/${id}/remediation-sla`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    const valid = { critical: 1, high: 2, medium: 3, low: 4, info: 5 };
    for (const body of [
      { ...valid, critical: 0 },
      { ...valid, info: 3651 },
      { critical: 1 },
      { ...valid, extra: 1 },
    ]) {
      expect((await put(organizationId, body)).status).toBe(400);
    }
    const other = (await consultant.POST('/v1/organizations', { body: { name: 'Other' } })).data!.id;
    const clientKey = await api.createKey(Role.Client, organizationId);
    expect((await put(other, valid, clientKey)).status).toBe(403);
    expect((await put('00000000-0000-4000-8000-000000000000', valid)).status).toBe(404);
  });
});
