import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';
import { listRoutes } from '../support/routes';

const ALL = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];
const STAFF = [Role.Admin, Role.Consultant];
const TICKET_WRITERS = [Role.Admin, Role.Consultant, Role.Integration];

/** The designed access matrix: every route and the roles allowed on it. A new route must be added here. */
const MATRIX: Record<string, Role[]> = {
  'POST /v1/api-keys': [Role.Admin],
  'GET /v1/api-keys': [Role.Admin],
  'DELETE /v1/api-keys/:id': [Role.Admin],
  'GET /v1/audit-events': [Role.Admin, Role.Client],
  'POST /v1/organizations': STAFF,
  'GET /v1/organizations': ALL,
  'GET /v1/organizations/:id': ALL,
  'PUT /v1/organizations/:id/remediation-sla': STAFF,
  'POST /v1/engagements': STAFF,
  'GET /v1/engagements': ALL,
  'GET /v1/engagements/:id': ALL,
  'PATCH /v1/engagements/:id': STAFF,
  'POST /v1/clusters': STAFF,
  'GET /v1/clusters': ALL,
  'GET /v1/clusters/:id': ALL,
  'PATCH /v1/clusters/:id/credentials': STAFF,
  'POST /v1/clusters/:id/verify': STAFF,
  'POST /v1/clusters/:id/snapshots': STAFF,
  'GET /v1/clusters/:id/snapshots': ALL,
  'POST /v1/assessments': STAFF,
  'GET /v1/assessments': ALL,
  'GET /v1/assessments/:id': ALL,
  'GET /v1/assessments/:id/findings': ALL,
  'GET /v1/assessments/:id/findings/facets': ALL,
  'GET /v1/assessments/:id/events': ALL,
  'GET /v1/assessments/:id/diff': ALL,
  'GET /v1/engagements/:id/summary': ALL,
  'POST /v1/assessments/:id/cancel': STAFF,
  'GET /v1/checks': ALL,
  'PATCH /v1/findings/:id': STAFF,
  'POST /v1/exceptions': STAFF,
  'GET /v1/exceptions': ALL,
  'GET /v1/exceptions/:id': ALL,
  'DELETE /v1/exceptions/:id': STAFF,
  'POST /v1/assessments/:id/reports': STAFF,
  'GET /v1/reports': ALL,
  'GET /v1/reports/:id': ALL,
  'GET /v1/reports/:id/content': ALL,
  'POST /v1/reports/:id/share-links': STAFF,
  'GET /v1/reports/:id/share-links': STAFF,
  'DELETE /v1/reports/:id/share-links/:linkId': STAFF,
  'POST /v1/engagements/:id/tickets': TICKET_WRITERS,
  'GET /v1/engagements/:id/tickets/export': ALL,
  'POST /v1/engagements/:id/tickets/push': TICKET_WRITERS,
  'GET /v1/tickets': ALL,
  'GET /v1/tickets/:id': ALL,
  'POST /v1/tickets/:id/push': TICKET_WRITERS,
  'PUT /v1/organizations/:id/integrations/jira': STAFF,
  'GET /v1/organizations/:id/integrations/jira': STAFF,
  'POST /v1/organizations/:id/integrations/jira/verify': STAFF,
};

interface Fixture {
  organizationId: string;
  engagementId: string;
  clusterId: string;
  assessmentId: string;
}

describe('authorization matrix', () => {
  let api: TestApi;
  const keys = {} as Record<Role, string>;
  let own: Fixture;
  let other: Fixture;

  const call = async (
    method: string,
    path: string,
    key: string | undefined,
    body?: unknown,
    type = 'application/json',
  ) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { 'content-type': type, ...(key && { authorization: `Bearer ${key}` }) },
      ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    // An event stream stays open while its assessment runs: its status is all that is needed here.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: {} as Record<string, unknown> };
    }
    return {
      status: response.status,
      body: (await response.json().catch(() => undefined)) as Record<string, unknown>,
    };
  };

  async function createFixture(name: string): Promise<Fixture> {
    const admin = api.adminKey;
    const organization = await call('POST', '/v1/organizations', admin, { name });
    const organizationId = organization.body['id'] as string;
    const engagement = await call('POST', '/v1/engagements', admin, {
      organizationId,
      name: `${name} review`,
    });
    const cluster = await call('POST', '/v1/clusters', admin, {
      organizationId,
      name: 'prod',
      source: { type: 'snapshot' },
    });
    const clusterId = cluster.body['id'] as string;
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: {containers: [{name: c, image: nginx}]}\n';
    await call('POST', `/v1/clusters/${clusterId}/snapshots`, admin, pod, 'application/yaml');
    const engagementId = engagement.body['id'] as string;
    const assessment = await call('POST', '/v1/assessments', admin, { engagementId, clusterId });
    return { organizationId, engagementId, clusterId, assessmentId: assessment.body['id'] as string };
  }

  beforeAll(async () => {
    api = await startTestApi();
    own = await createFixture('Org A');
    other = await createFixture('Org B');
    keys[Role.Admin] = api.adminKey;
    keys[Role.Consultant] = await api.createKey(Role.Consultant);
    keys[Role.Client] = await api.createKey(Role.Client, own.organizationId);
    keys[Role.Integration] = await api.createKey(Role.Integration, own.organizationId);
  });
  afterAll(async () => {
    await api.close();
  });

  function concretePath(path: string): string {
    const ids: Record<string, string> = {
      '/v1/organizations/:id': own.organizationId,
      '/v1/engagements/:id': own.engagementId,
      '/v1/clusters/:id': own.clusterId,
      '/v1/assessments/:id': own.assessmentId,
      '/v1/api-keys/:id': '00000000-0000-4000-8000-000000000000',
      '/v1/findings/:id': '1',
      '/v1/exceptions/:id': '00000000-0000-4000-8000-000000000000',
      '/v1/reports/:id': '00000000-0000-4000-8000-000000000000',
      '/v1/tickets/:id': '00000000-0000-4000-8000-000000000000',
    };
    const template = Object.keys(ids).find((prefix) => path.startsWith(prefix));
    return template ? path.replace(':id', ids[template]!) : path;
  }

  it('declares exactly the designed roles on every route', () => {
    const declared = Object.fromEntries(
      listRoutes(api.app)
        .filter((route) => route.roles)
        .map((route) => [`${route.method} ${route.path}`, [...route.roles!].sort()]),
    );
    expect(declared).toEqual(
      Object.fromEntries(Object.entries(MATRIX).map(([route, roles]) => [route, [...roles].sort()])),
    );
  });

  it('allows or denies every role on every route as designed, and audits each denial', async () => {
    const outcomes: string[] = [];
    for (const [route, allowed] of Object.entries(MATRIX)) {
      const [method, path] = route.split(' ') as [string, string];
      for (const role of ALL) {
        const { status } = await call(
          method,
          concretePath(path),
          keys[role],
          method === 'GET' ? undefined : {},
        );
        const denied = status === 403;
        if (denied === allowed.includes(role) || status === 401) {
          outcomes.push(`${role} ${route}: ${status}`);
        }
      }
    }
    expect(outcomes).toEqual([]);
    const audit = await call('GET', '/v1/audit-events?action=authorization.denied&limit=500', api.adminKey);
    const denials = Object.values(MATRIX).reduce((sum, allowed) => sum + ALL.length - allowed.length, 0);
    expect((audit.body['items'] as unknown[]).length).toBe(denials);
  });

  it('answers 401 for no key, a wrong key, a revoked key and an expired key, and audits each', async () => {
    const created = await call('POST', '/v1/api-keys', api.adminKey, {
      name: 'short-lived',
      role: 'consultant',
    });
    await call('DELETE', `/v1/api-keys/${created.body['id'] as string}`, api.adminKey);
    const expired = await call('POST', '/v1/api-keys', api.adminKey, {
      name: 'expired',
      role: 'consultant',
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    const attempts = [
      undefined,
      'ka_zzzzzzzzzzzz_' + 'z'.repeat(43),
      created.body['key'] as string,
      expired.body['key'] as string,
    ];
    const before = await call('GET', '/v1/audit-events?action=authentication.failed&limit=500', api.adminKey);
    const codes = [];
    for (const key of attempts) {
      const response = await call('GET', '/v1/checks', key);
      codes.push(`${response.status} ${(response.body['error'] as { code: string }).code}`);
    }
    expect(codes).toEqual([
      '401 AUTHENTICATION_REQUIRED',
      '401 API_KEY_INVALID',
      '401 API_KEY_REVOKED',
      '401 API_KEY_EXPIRED',
    ]);
    const after = await call('GET', '/v1/audit-events?action=authentication.failed&limit=500', api.adminKey);
    expect((after.body['items'] as unknown[]).length - (before.body['items'] as unknown[]).length).toBe(4);
  });

  it("gives a client 404 for another organization's objects and only its own audit events", async () => {
    const client = keys[Role.Client];
    const paths = [
      `/v1/organizations/${other.organizationId}`,
      `/v1/engagements/${other.engagementId}`,
      `/v1/clusters/${other.clusterId}`,
      `/v1/assessments/${other.assessmentId}`,
      `/v1/assessments/${other.assessmentId}/findings`,
    ];
    const statuses = await Promise.all(paths.map(async (path) => (await call('GET', path, client)).status));
    expect(statuses).toEqual(paths.map(() => 404));
    const audit = await call('GET', '/v1/audit-events?limit=500', client);
    const organizations = new Set(
      (audit.body['items'] as { organizationId: string | null }[]).map((e) => e.organizationId),
    );
    expect([...organizations]).toEqual([own.organizationId]);
  });
});
