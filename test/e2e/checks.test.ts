import { Role } from '../../src/modules/auth/role';
import { startTestApi, type TestApi } from '../support/api';
import { kubeassay } from '../support/cli';

describe('GET /v1/checks', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api.close();
  });

  const list = (key?: string) =>
    fetch(`${api.baseUrl}/v1/checks`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('lists the catalog exactly as `kubeassay checks --format json` prints it', async () => {
    const response = await list(api.adminKey);
    expect(response.status).toBe(200);
    const served = (await response.json()) as { id: string; references: Record<string, string[]> }[];
    const printed = JSON.parse((await kubeassay(['checks', '--format', 'json'])).stdout) as unknown[];
    expect(served).toEqual(printed);
    expect(served.length).toBeGreaterThan(50);
    expect(served.find((check) => check.id === 'container-privileged')?.references.cis).toBeDefined();
  });

  it('is readable by every role and by no one without a key', async () => {
    const organization = await fetch(`${api.baseUrl}/v1/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'readers' }),
    });
    const { id } = (await organization.json()) as { id: string };
    for (const role of [Role.Consultant, Role.Client, Role.Integration]) {
      const key = await api.createKey(role, role === Role.Consultant ? undefined : id);
      expect([role, (await list(key)).status]).toEqual([role, 200]);
    }
    expect((await list()).status).toBe(401);
  });
});
