import { randomBytes } from 'node:crypto';
import { parse, stringify } from 'yaml';
import type { AppConfig } from '../../src/config/config';
import { createDataSource } from '../../src/common/database/data-source';
import { ApiKeyRepository } from '../../src/modules/auth/api-key.repository';
import { ApiKeyService } from '../../src/modules/auth/api-key.service';
import { ApiKeyEntity } from '../../src/modules/auth/entities/api-key.entity';
import { Role } from '../../src/modules/auth/role';
import { testConfig } from '../support/api';
import { apiClient, type ApiClient } from '../support/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { type FakeKube, loadScenarioFixture, startFakeKube } from '../support/fake-kube';
import type { Assessment } from '../support/live-cluster';
import { freePort } from '../support/redis-server';
import { type ServiceProcess, spawnService } from '../support/service-process';
import { postgresText, redisText } from '../support/stored-text';

const plantedToken = `canary-${randomBytes(16).toString('hex')}`;
const plantedPassword = `canary-${randomBytes(16).toString('hex')}`;

interface Secret {
  name: string;
  /** The spellings a leak could take: plain, base64 as kubeconfigs and headers carry it, base64url. */
  forms: string[];
}

const base64 = (text: string) => Buffer.from(text).toString('base64');

function secret(name: string, value: string): Secret {
  return { name, forms: [value, base64(value), Buffer.from(value).toString('base64url')] };
}

/** A PEM private key leaks as any line of its body, or inside its base64 `client-key-data` form. */
function privateKeySecret(name: string, keyPem: string): Secret {
  const bodyLines = keyPem.split('\n').filter((line) => line.length >= 40 && !line.startsWith('-----'));
  // Past the 28 bytes of "-----BEGIN PRIVATE KEY-----\n": a stretch that only this key encodes to.
  return { name, forms: [...bodyLines, base64(keyPem).slice(48, 112)] };
}

const PLACES = [
  'API responses',
  'API log',
  'worker log',
  'Redis values under the queue prefix',
  'Postgres columns',
] as const;
type Place = (typeof PLACES)[number];

interface Exercise {
  statuses: { registered: number[]; replaced: number; verified: number[] };
  /** The clusters registered, in order: token, certificate, planted token, planted password. */
  clusters: string[];
  assessments: Assessment[];
}

/** The kubeconfig with its user replaced: credentials the fake does not know, or a field the API refuses. */
function withUser(kubeconfig: string, user: Record<string, unknown>): string {
  const document = parse(kubeconfig) as { users: { user: Record<string, unknown> }[] };
  document.users[0]!.user = user;
  return stringify(document);
}

/**
 * Credentials planted in live clusters, handled by the API and a worker running as their own processes with trace
 * logs, never appear in the clear in an API response, a log line, a Redis value under the queue prefix or any
 * Postgres column (snapshots read inflated).
 */
describe('credentials canary', () => {
  let database: TestDatabase;
  let fake: FakeKube;
  let api: ServiceProcess;
  let worker: ServiceProcess;
  let admin: ApiClient;
  let secrets: Secret[];
  let config: AppConfig;
  const responses: string[] = [];
  let exercise: Exercise;
  let places: Record<Place, string>;
  let storedTables: string[];

  const leaksIn = (text: string): string[] =>
    secrets.filter((planted) => planted.forms.some((form) => text.includes(form))).map(({ name }) => name);

  async function mintAdminKey(): Promise<string> {
    const dataSource = createDataSource(config.databaseUrl);
    await dataSource.initialize();
    try {
      const keys = new ApiKeyService(new ApiKeyRepository(dataSource.getRepository(ApiKeyEntity)), config);
      return (await keys.create({ name: 'canary admin', role: Role.Admin, organizationId: null })).key;
    } finally {
      await dataSource.destroy();
    }
  }

  async function startServices(port: number): Promise<void> {
    const environment = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'trace',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      KUBEASSAY_QUEUE_PREFIX: config.queuePrefix,
      KUBEASSAY_MIGRATIONS_RUN: 'false',
      KUBEASSAY_ALLOW_LOOPBACK_ADDRESSES: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
    };
    api = spawnService('main.ts', environment);
    worker = spawnService('worker.ts', environment);
    await Promise.all([
      api.waitForOutput(/API listening/, 45_000),
      worker.waitForOutput(/worker consuming queues/, 45_000),
    ]);
  }

  async function assessed(engagementId: string, clusterId: string): Promise<Assessment> {
    const created = await admin.POST('/v1/assessments', { body: { engagementId, clusterId } });
    expect(created.response.status).toBe(202);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { data } = await admin.GET('/v1/assessments/{id}', {
        params: { path: { id: created.data!.id } },
      });
      if (['succeeded', 'failed', 'cancelled'].includes(data!.status) || Date.now() > deadline) {
        return data!;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Registers, replaces, verifies and assesses clusters with every kind of credential, then reads everything. */
  async function exerciseCredentials(): Promise<Exercise> {
    const organization = await admin.POST('/v1/organizations', { body: { name: 'Webshop Ltd' } });
    const organizationId = organization.data!.id;
    const engagement = await admin.POST('/v1/engagements', {
      body: { organizationId, name: 'Canary review' },
    });
    const register = async (name: string, kubeconfig: string) => {
      const { data, response } = await admin.POST('/v1/clusters', {
        body: { organizationId, name, source: { type: 'kubeconfig', kubeconfig } },
      });
      return { id: data?.id ?? '', status: response.status };
    };
    const registered = [
      await register('token', fake.kubeconfig('token')),
      await register('certificate', fake.kubeconfig('certificate')),
      await register('planted token', fake.kubeconfig('token', { token: plantedToken })),
      await register(
        'planted password',
        withUser(fake.kubeconfig('token'), { username: 'assessor', password: plantedPassword }),
      ),
      await register(
        'refused',
        withUser(fake.kubeconfig('token'), { token: plantedToken, exec: { command: 'sh' } }),
      ),
    ];
    const clusters = registered.filter(({ status }) => status === 201).map(({ id }) => id);
    const replaced = await admin.PATCH('/v1/clusters/{id}/credentials', {
      params: { path: { id: clusters[0]! } },
      body: { kubeconfig: fake.kubeconfig('token') },
    });
    const verified: number[] = [];
    const assessments: Assessment[] = [];
    for (const id of clusters) {
      verified.push(
        (await admin.POST('/v1/clusters/{id}/verify', { params: { path: { id } } })).response.status,
      );
      assessments.push(await assessed(engagement.data!.id, id));
      await admin.GET('/v1/clusters/{id}', { params: { path: { id } } });
      await admin.GET('/v1/clusters/{id}/snapshots', { params: { path: { id } } });
    }
    for (const assessment of assessments) {
      await admin.GET('/v1/assessments/{id}/findings', {
        params: { path: { id: assessment.id }, query: { limit: 500 } },
      });
    }
    await admin.GET('/v1/clusters', {});
    await admin.GET('/v1/assessments', {});
    await admin.GET('/v1/audit-events', {});
    return {
      statuses: {
        registered: registered.map(({ status }) => status),
        replaced: replaced.response.status,
        verified,
      },
      clusters,
      assessments,
    };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url);
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    secrets = [
      secret('the fake API server token', fake.token),
      privateKeySecret('the client certificate key', fake.clientCertificate.keyPem),
      secret('the planted token', plantedToken),
      secret('the planted password', plantedPassword),
      secret('the planted basic credentials', `assessor:${plantedPassword}`),
    ];
    const [port, adminKey] = await Promise.all([freePort(), mintAdminKey()]);
    await startServices(port);
    admin = apiClient(`http://127.0.0.1:${port}`, adminKey);
    admin.use({
      onResponse: async ({ request, response }) => {
        const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
        responses.push(
          `${request.method} ${request.url} ${response.status}\n${headers}\n${await response.clone().text()}`,
        );
      },
    });
    exercise = await exerciseCredentials();
    // Stopped before reading: the last log lines are written at exit.
    await Promise.all([api.stop(), worker.stop()]);
    const [stored, queued] = await Promise.all([
      postgresText(config.databaseUrl),
      redisText(config.redisUrl, config.queuePrefix),
    ]);
    places = {
      'API responses': responses.join('\n'),
      'API log': api.output(),
      'worker log': worker.output(),
      'Redis values under the queue prefix': queued,
      'Postgres columns': stored.text,
    };
    storedTables = stored.tables;
  }, 60_000);
  afterAll(async () => {
    await Promise.all([api?.stop(), worker?.stop()]);
    await fake?.stop();
    await database?.drop();
  });

  it('handed every credential to the API server: verify and collection ran with each', () => {
    expect(exercise.statuses).toEqual({
      registered: [201, 201, 201, 201, 422],
      replaced: 200,
      verified: [200, 200, 422, 422],
    });
    expect(exercise.assessments.map((assessment) => assessment.status)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'failed',
    ]);
    const used = new Set(
      fake.requests.map((request) => `${request.authenticatedBy ?? 'rejected'} ${request.path}`),
    );
    expect([...used]).toEqual(
      expect.arrayContaining(['token /api/v1/pods', 'certificate /api/v1/pods', 'rejected /version']),
    );
  });

  it('searched what each place really holds: requests logged, job payloads and inflated snapshots read', () => {
    expect(responses.length).toBeGreaterThan(20);
    expect(places['API log']).toContain(`/v1/clusters/${exercise.clusters[2]!}/verify`);
    expect(places['worker log']).toContain('worker consuming queues');
    expect(places['Redis values under the queue prefix']).toContain(exercise.assessments[0]!.id);
    expect(storedTables).toEqual(expect.arrayContaining(['public.clusters', 'public.snapshots']));
    expect(places['Postgres columns']).toContain('"namespace":"shop"');
  });

  it.each(PLACES)('finds no credential in the %s', (place) => {
    expect(leaksIn(places[place])).toEqual([]);
  });
});
