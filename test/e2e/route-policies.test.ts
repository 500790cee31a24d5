import { startTestApi, type TestApi } from '../support/api';
import { listRoutes } from '../support/routes';

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];
/** Routes that may be called without a key, and why. */
const PUBLIC = [
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /v1/shared-reports/:token',
  'POST /v1/integrations/jira/webhook',
];

describe('route policies', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives every route a guard policy: roles, or an explicit public reason on an allowed list', () => {
    const routes = listRoutes(api.app);
    expect(routes.length).toBeGreaterThan(3);
    const unguarded = routes.filter((route) => !route.roles?.length && route.publicReason === undefined);
    expect(unguarded.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    const unexpectedPublic = routes
      .filter((route) => route.publicReason !== undefined)
      .map((route) => `${route.method} ${route.path}`)
      .filter((route) => !PUBLIC.includes(route));
    expect(unexpectedPublic).toEqual([]);
  });

  it('gives every mutating route an audit action', () => {
    const unaudited = listRoutes(api.app).filter(
      (route) => MUTATING.includes(route.method) && !route.auditAction,
    );
    expect(unaudited.map((route) => `${route.method} ${route.path}`)).toEqual([]);
  });

  it('answers 404 ROUTE_NOT_FOUND in the error shape for an unknown route', async () => {
    const withKey = await fetch(`${api.baseUrl}/v1/nothing-here`, {
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(withKey.status).toBe(404);
    expect(((await withKey.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });
});
