import { startTestApi, type TestApi } from '../support/api';

describe('API keys and authentication', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const call = (path: string, init: RequestInit & { key?: string } = {}) =>
    fetch(`${api.baseUrl}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.key && { authorization: `Bearer ${init.key}` }),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  it('creates a key that is shown once and works, and revokes it', async () => {
    const created = await call('/v1/api-keys', {
      method: 'POST',
      key: api.adminKey,
      body: JSON.stringify({ name: 'consultant one', role: 'consultant' }),
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; key: string };
    expect(body.key).toMatch(/^ka_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const listed = (await (await call('/v1/api-keys', { key: api.adminKey })).json()) as Record<
      string,
      unknown
    >[];
    expect(listed.every((key) => !('key' in key) && !('secretHash' in key))).toBe(true);
    expect((await call(`/v1/api-keys/${body.id}`, { method: 'DELETE', key: api.adminKey })).status).toBe(204);
    const revoked = await call('/v1/api-keys', { key: body.key });
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { code: string } }).error.code).toBe('API_KEY_REVOKED');
  });

  it('answers 401 with a stable code and a request id for a missing or wrong key', async () => {
    const missing = await call('/v1/api-keys');
    expect(missing.status).toBe(401);
    const body = (await missing.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('AUTHENTICATION_REQUIRED');
    expect(body.error.requestId).toBe(missing.headers.get('x-request-id'));
    const wrong = await call('/v1/api-keys', { key: `ka_aaaaaaaaaaaa_${'b'.repeat(43)}` });
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('API_KEY_INVALID');
  });

  it('rejects unknown fields and malformed ids with 400', async () => {
    const unknown = await call('/v1/api-keys', {
      method: 'POST',
      key: api.adminKey,
      body: JSON.stringify({ name: 'x', role: 'admin', superuser: true }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    const badId = await call('/v1/api-keys/not-a-uuid', { method: 'DELETE', key: api.adminKey });
    expect(((await badId.json()) as { error: { code: string } }).error.code).toBe('INVALID_ID');
  });

  it('records authentication failures and mutations in the audit trail', async () => {
    await call('/v1/api-keys');
    const page = (await (await call('/v1/audit-events?limit=50', { key: api.adminKey })).json()) as {
      items: { action: string; outcome: string; status: number }[];
    };
    expect(page.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'authentication.failed', outcome: 'denied', status: 401 }),
        expect.objectContaining({ action: 'api-key.create', outcome: 'success', status: 201 }),
        expect.objectContaining({ action: 'api-key.revoke', outcome: 'success', status: 204 }),
      ]),
    );
  });
});
