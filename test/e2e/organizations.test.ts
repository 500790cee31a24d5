import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';

const anyString = expect.any(String) as unknown;

interface Organization {
  id: string;
  name: string;
  createdAt: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string };
}

describe('organizations', () => {
  let api: TestApi;
  let acme: Organization;
  let globex: Organization;
  let acmeClient: string;

  const call = async <T>(path: string, key: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const create = async (name: string, key = api.adminKey) =>
    (await call<Organization>('/v1/organizations', key, { method: 'POST', body: { name } })).body;

  beforeAll(async () => {
    api = await startTestApi();
    acme = await create('Acme');
    globex = await create('Globex', await api.createKey(Role.Consultant));
    acmeClient = await api.createKey(Role.Client, acme.id);
  });
  afterAll(async () => {
    await api.close();
  });

  it('creates an organization for admins and consultants and reads it back', async () => {
    const created = await call<Organization>('/v1/organizations', api.adminKey, {
      method: 'POST',
      body: { name: '  Initech  ' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: anyString,
      name: 'Initech',
      remediationSlaDays: { critical: 7, high: 30, medium: 90, low: 180, info: 365 },
      createdAt: anyString,
    });
    const read = await call<Organization>(`/v1/organizations/${created.body.id}`, api.adminKey);
    expect(read.body).toEqual(created.body);
    expect(globex.name).toBe('Globex');
  });

  it('answers 409 CONFLICT for a name already taken', async () => {
    const duplicate = await call<ErrorBody>('/v1/organizations', api.adminKey, {
      method: 'POST',
      body: { name: 'Acme' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('CONFLICT');
  });

  it('lists every organization for admins, newest first, with cursor paging', async () => {
    const first = await call<Page<Organization>>('/v1/organizations?limit=1', api.adminKey);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.items[0]!.id);
    const rest = await call<Page<Organization>>(
      `/v1/organizations?limit=500&cursor=${first.body.nextCursor}`,
      api.adminKey,
    );
    const names = [...first.body.items, ...rest.body.items].map((organization) => organization.name);
    expect(names).toEqual(['Initech', 'Globex', 'Acme']);
    expect(rest.body.nextCursor).toBeNull();
  });

  it('shows a client and an integration only their own organization; others answer 404', async () => {
    const listed = await call<Page<Organization>>('/v1/organizations', acmeClient);
    expect(listed.body.items.map((organization) => organization.id)).toEqual([acme.id]);
    expect((await call(`/v1/organizations/${acme.id}`, acmeClient)).status).toBe(200);
    const other = await call<ErrorBody>(`/v1/organizations/${globex.id}`, acmeClient);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('NOT_FOUND');
    const integration = await api.createKey(Role.Integration, globex.id);
    expect((await call(`/v1/organizations/${globex.id}`, integration)).status).toBe(200);
    expect((await call(`/v1/organizations/${acme.id}`, integration)).status).toBe(404);
  });

  it('forbids clients to create organizations', async () => {
    const denied = await call<ErrorBody>('/v1/organizations', acmeClient, {
      method: 'POST',
      body: { name: 'Hooli' },
    });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('rejects unknown fields, blank names and malformed ids with 400', async () => {
    const unknown = await call<ErrorBody>('/v1/organizations', api.adminKey, {
      method: 'POST',
      body: { name: 'Umbrella', tier: 'gold' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    const blank = await call<ErrorBody>('/v1/organizations', api.adminKey, {
      method: 'POST',
      body: { name: '   ' },
    });
    expect(blank.body.error.code).toBe('VALIDATION_FAILED');
    const badId = await call<ErrorBody>('/v1/organizations/not-a-uuid', api.adminKey);
    expect(badId.status).toBe(400);
    expect(badId.body.error.code).toBe('INVALID_ID');
    const badLimit = await call<ErrorBody>('/v1/organizations?limit=501', api.adminKey);
    expect(badLimit.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('records creations, conflicts and denials in the audit trail', async () => {
    const events = await call<Page<{ action: string; outcome: string; status: number; targetId: string }>>(
      '/v1/audit-events?limit=100',
      api.adminKey,
    );
    expect(events.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'organization.create', outcome: 'success', targetId: acme.id }),
        expect.objectContaining({ action: 'organization.create', outcome: 'failed', status: 409 }),
        expect.objectContaining({ action: 'authorization.denied', outcome: 'denied', status: 403 }),
      ]),
    );
  });
});
