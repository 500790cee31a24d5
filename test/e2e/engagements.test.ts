import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';

interface Engagement {
  id: string;
  organizationId: string;
  name: string;
  status: string;
  scope: { clusterIds: string[]; namespaces: string[] };
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  updatedAt: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

describe('engagements', () => {
  let api: TestApi;
  let acmeId: string;
  let globexId: string;
  let acmeCluster: string;
  let globexCluster: string;
  let globexEngagement: Engagement;
  let acmeClient: string;

  const call = async <T>(path: string, key: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const post = <T>(path: string, body: unknown, key = api.adminKey) =>
    call<T>(path, key, { method: 'POST', body });
  const patch = <T>(id: string, body: unknown, key = api.adminKey) =>
    call<T>(`/v1/engagements/${id}`, key, { method: 'PATCH', body });
  const idOf = async (path: string, body: unknown) => (await post<{ id: string }>(path, body)).body.id;

  beforeAll(async () => {
    api = await startTestApi();
    acmeId = await idOf('/v1/organizations', { name: 'Acme' });
    globexId = await idOf('/v1/organizations', { name: 'Globex' });
    const snapshot = { type: 'snapshot' };
    acmeCluster = await idOf('/v1/clusters', { organizationId: acmeId, name: 'prod', source: snapshot });
    globexCluster = await idOf('/v1/clusters', { organizationId: globexId, name: 'prod', source: snapshot });
    globexEngagement = (
      await post<Engagement>('/v1/engagements', { organizationId: globexId, name: 'Audit' })
    ).body;
    acmeClient = await api.createKey(Role.Client, acmeId);
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates an engagement with defaults, and with dates and scope', async () => {
    expect(globexEngagement).toMatchObject({
      organizationId: globexId,
      name: 'Audit',
      status: 'planned',
      scope: { clusterIds: [], namespaces: [] },
      startsOn: null,
      endsOn: null,
    });
    const consultant = await api.createKey(Role.Consultant);
    const created = await post<Engagement>(
      '/v1/engagements',
      {
        organizationId: acmeId,
        name: 'Q3 assessment',
        status: 'active',
        startsOn: '2026-07-01',
        endsOn: '2026-09-30',
        scope: { clusterIds: [acmeCluster.toUpperCase()], namespaces: ['payments', 'web'] },
      },
      consultant,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'active',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      scope: { clusterIds: [acmeCluster], namespaces: ['payments', 'web'] },
    });
    const read = await call<Engagement>(`/v1/engagements/${created.body.id}`, api.adminKey);
    expect(read.body).toEqual(created.body);
  });

  it('patches only the fields given: a null date clears, scope members merge', async () => {
    const { body: engagement } = await post<Engagement>('/v1/engagements', {
      organizationId: acmeId,
      name: 'Hardening',
      startsOn: '2026-01-10',
      endsOn: '2026-02-10',
      scope: { clusterIds: [acmeCluster], namespaces: ['payments'] },
    });
    const patched = await patch<Engagement>(engagement.id, {
      status: 'completed',
      startsOn: null,
      scope: { namespaces: ['web'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'Hardening',
      status: 'completed',
      startsOn: null,
      endsOn: '2026-02-10',
      scope: { clusterIds: [acmeCluster], namespaces: ['web'] },
    });
    expect(Date.parse(patched.body.updatedAt)).toBeGreaterThan(Date.parse(engagement.updatedAt));
  });

  it('rejects an end before the start, on create and after a patch', async () => {
    const backwards = await post<ErrorBody>('/v1/engagements', {
      organizationId: acmeId,
      name: 'Backwards',
      startsOn: '2026-05-02',
      endsOn: '2026-05-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/endsOn/) as unknown,
    });
    const { body: dated } = await post<Engagement>('/v1/engagements', {
      organizationId: acmeId,
      name: 'Dated',
      startsOn: '2026-05-02',
    });
    const patched = await patch<ErrorBody>(dated.id, { endsOn: '2026-04-30' });
    expect(patched.status).toBe(400);
    expect(patched.body.error.code).toBe('VALIDATION_FAILED');
    const invalidDate = await post<ErrorBody>('/v1/engagements', {
      organizationId: acmeId,
      name: 'Leap',
      startsOn: '2026-02-30',
    });
    expect(invalidDate.body.error.code).toBe('VALIDATION_FAILED');
  });

  it("refuses a scope naming another organization's cluster, or no cluster at all (422)", async () => {
    const foreign = await post<ErrorBody>('/v1/engagements', {
      organizationId: acmeId,
      name: 'Cross',
      scope: { clusterIds: [acmeCluster, globexCluster] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.code).toBe('ENGAGEMENT_CLUSTER_MISMATCH');
    expect(foreign.body.error.details).toEqual({ clusterIds: [globexCluster] });
    const missing = await patch<ErrorBody>(globexEngagement.id, {
      scope: { clusterIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('ENGAGEMENT_CLUSTER_MISMATCH');
  });

  it('answers 404 for an organization that does not exist', async () => {
    const missing = await post<ErrorBody>('/v1/engagements', {
      organizationId: '00000000-0000-4000-8000-000000000000',
      name: 'Nowhere',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'organization not found' });
  });

  it("shows organization-bound keys only their organization's engagements; others answer 404", async () => {
    const listed = await call<Page<Engagement>>('/v1/engagements', acmeClient);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((engagement) => engagement.organizationId === acmeId)).toBe(true);
    const filteredToOther = await call<Page<Engagement>>(
      `/v1/engagements?organizationId=${globexId}`,
      acmeClient,
    );
    expect(filteredToOther.body.items).toEqual([]);
    const other = await call<ErrorBody>(`/v1/engagements/${globexEngagement.id}`, acmeClient);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const integration = await api.createKey(Role.Integration, globexId);
    expect((await call(`/v1/engagements/${globexEngagement.id}`, integration)).status).toBe(200);
  });

  it('filters by organization and status for admins', async () => {
    const globexOnly = await call<Page<Engagement>>(
      `/v1/engagements?organizationId=${globexId}`,
      api.adminKey,
    );
    expect(globexOnly.body.items.map((engagement) => engagement.id)).toEqual([globexEngagement.id]);
    const completed = await call<Page<Engagement>>('/v1/engagements?status=completed', api.adminKey);
    expect(completed.body.items.map((engagement) => engagement.name)).toEqual(['Hardening']);
  });

  it('forbids clients to create or change engagements', async () => {
    const created = await post<ErrorBody>(
      '/v1/engagements',
      { organizationId: acmeId, name: 'Mine' },
      acmeClient,
    );
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('FORBIDDEN');
    const changed = await patch<ErrorBody>(globexEngagement.id, { name: 'Renamed' }, acmeClient);
    expect(changed.status).toBe(403);
  });

  it('rejects unknown fields (also inside scope), null names, bad namespaces and malformed ids', async () => {
    const cases: unknown[] = [
      { organizationId: acmeId, name: 'X', budget: 10 },
      { organizationId: acmeId, name: 'X', scope: { clusterIds: [], labels: {} } },
      { organizationId: acmeId, name: 'X', scope: { namespaces: ['Not_A_Namespace'] } },
      { organizationId: acmeId, name: 'X', status: 'paused' },
      { organizationId: 'acme', name: 'X' },
    ];
    for (const body of cases) {
      const response = await post<ErrorBody>('/v1/engagements', body);
      expect([response.status, response.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const nullName = await patch<ErrorBody>(globexEngagement.id, { name: null });
    expect(nullName.body.error.code).toBe('VALIDATION_FAILED');
    const movedOrganization = await patch<ErrorBody>(globexEngagement.id, { organizationId: acmeId });
    expect(movedOrganization.body.error.code).toBe('VALIDATION_FAILED');
    const badId = await call<ErrorBody>('/v1/engagements/123', api.adminKey);
    expect([badId.status, badId.body.error.code]).toEqual([400, 'INVALID_ID']);
  });

  it('records creations and updates in the audit trail with their organization', async () => {
    const events = await call<
      Page<{ action: string; outcome: string; targetId: string; organizationId: string }>
    >('/v1/audit-events?limit=200', api.adminKey);
    expect(events.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'engagement.create',
          outcome: 'success',
          targetId: globexEngagement.id,
          organizationId: globexId,
        }),
        expect.objectContaining({ action: 'engagement.update', outcome: 'success', organizationId: acmeId }),
        expect.objectContaining({ action: 'engagement.update', outcome: 'failed' }),
      ]),
    );
  });
});
