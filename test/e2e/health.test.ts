import { Client } from 'pg';
import { startTestApi, type TestApi } from '../support/api';
import { apiClient } from '../support/client';
import { adminUrl } from '../support/database-names';
import { eventually, freePort, type RedisServer, startRedisServer } from '../support/redis-server';

interface Probe {
  status: number;
  body: {
    status?: string;
    dependencies?: unknown;
    error?: { code: string; details?: { dependencies: unknown } };
  };
}

async function probe(api: TestApi, path: string): Promise<Probe> {
  const response = await fetch(`${api.baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Probe['body'] };
}

async function expectReady(api: TestApi): Promise<void> {
  expect(await probe(api, '/health/ready')).toEqual({
    status: 200,
    body: { status: 'ok', dependencies: { postgres: 'up', redis: 'up' } },
  });
}

async function expectDown(api: TestApi, code: string, dependencies: object): Promise<void> {
  const ready = await probe(api, '/health/ready');
  expect(ready.status).toBe(503);
  expect(ready.body.error?.code).toBe(code);
  expect(ready.body.error?.details?.dependencies).toEqual(dependencies);
}

async function asAdmin(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('health probes', () => {
  describe('PostgreSQL', () => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi();
    });
    afterAll(async () => {
      await api?.close();
    });

    it('answers live and ready without an API key while both dependencies are up', async () => {
      expect(await probe(api, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
      await expectReady(api);
    });

    it('answers through the client typed from the generated contract', async () => {
      const { data, response } = await apiClient(api.baseUrl, api.adminKey).GET('/health/ready');
      expect(response.status).toBe(200);
      expect(data?.dependencies.postgres).toBe('up');
    });

    it('answers 503 DATABASE_UNAVAILABLE while the database refuses connections, and recovers', async () => {
      const name = new URL(api.database.url).pathname.slice(1);
      // The outage: every open connection cut, new ones refused, the server itself still running.
      await asAdmin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      try {
        await expectDown(api, 'DATABASE_UNAVAILABLE', { postgres: 'down', redis: 'up' });
        expect((await probe(api, '/health/live')).status).toBe(200);
      } finally {
        await asAdmin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      }
      await eventually(() => expectReady(api));
    });
  });

  describe('Redis', () => {
    let api: TestApi | undefined;
    let redis: RedisServer | undefined;
    afterAll(async () => {
      await api?.close();
      await redis?.kill();
    });

    it('boots with Redis down, answers 503 QUEUE_UNAVAILABLE, and recovers when Redis comes and goes', async () => {
      const port = await freePort();
      api = await startTestApi({ redisUrl: `redis://127.0.0.1:${port}` });
      expect((await probe(api, '/health/live')).status).toBe(200);
      await expectDown(api, 'QUEUE_UNAVAILABLE', { postgres: 'up', redis: 'down' });

      redis = await startRedisServer(port);
      await eventually(() => expectReady(api!));

      await redis.kill();
      await eventually(() => expectDown(api!, 'QUEUE_UNAVAILABLE', { postgres: 'up', redis: 'down' }));
      expect((await probe(api, '/health/live')).status).toBe(200);

      redis = await startRedisServer(port);
      await eventually(() => expectReady(api!));
    }, 60_000);
  });
});
