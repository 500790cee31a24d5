import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, HTTP_STATUS } from '../../src/common/errors/error-code';
import { createApi } from '../../src/http/create-api';
import { Role } from '../../src/modules/auth/role';
import { startTestApi, testConfig, type TestApi } from '../support/api';
import { apiClient, type ApiClient } from '../support/client';
import { startFakeKube, type FakeKube } from '../support/fake-kube';
import {
  KUBECONFIG_SECRETS,
  REFUSED_ADDRESS_CASES,
  REFUSED_KUBECONFIG_CASES,
  type RefusedKubeconfigCase,
} from '../support/kubeconfig-cases';
import { LOOPBACK_ALLOWED } from '../support/live-cluster';

interface StoredCluster {
  id: string;
  name: string;
  server: string | null;
  credentials: Buffer | null;
  credentials_key_id: string | null;
  verification: unknown;
}

interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

const REFUSED_CASES = [...REFUSED_KUBECONFIG_CASES, ...REFUSED_ADDRESS_CASES];

/**
 * Every refusal of the shared table, through the routes that take a kubeconfig. The API under test runs with the
 * production address policy (no loopback, no private ranges); a second instance over the same database, from a
 * deployment that allows loopback, registers the fake API server where a stored cluster is needed.
 */
describe('kubeconfig registration: refusals store nothing', () => {
  let api: TestApi;
  let permissive: INestApplication;
  let fake: FakeKube;
  let consultant: ApiClient;
  let permissiveConsultant: ApiClient;
  let organizationId: string;
  let registeredId: string;

  const storedClusters = (): Promise<StoredCluster[]> =>
    api.app
      .get(DataSource)
      .query(
        'SELECT id, name, server, credentials, credentials_key_id, verification FROM clusters ORDER BY id',
      );

  const listedClusterIds = async (): Promise<string[]> => {
    const { data } = await consultant.GET('/v1/clusters', { params: { query: { limit: 100 } } });
    return data!.items.map((cluster) => cluster.id).sort();
  };

  const register = (
    client: ApiClient,
    name: string,
    { kubeconfig, context }: Pick<RefusedKubeconfigCase, 'kubeconfig' | 'context'>,
  ) =>
    client.POST('/v1/clusters', {
      body: {
        organizationId,
        name,
        source: { type: 'kubeconfig', kubeconfig, ...(context !== undefined && { context }) },
      },
    });

  /** The stable error shape, with the case's own code and status, and none of the planted secrets in it. */
  const expectRefusal = (response: Response, error: unknown, code: ErrorCode) => {
    const { details, ...rendered } = (error as ErrorBody).error;
    expect([response.status, Object.keys(error as ErrorBody), rendered]).toEqual([
      HTTP_STATUS[code],
      ['error'],
      { code, message: expect.any(String) as unknown, requestId: expect.any(String) as unknown },
    ]);
    if (details !== undefined) {
      // The reader may name the offending field, never its value.
      expect(details).toEqual({ field: expect.any(String) as unknown });
    }
    const text = JSON.stringify(error);
    for (const secret of Object.values(KUBECONFIG_SECRETS)) {
      expect(text).not.toContain(secret);
    }
  };

  beforeAll(async () => {
    fake = await startFakeKube();
    api = await startTestApi();
    permissive = await createApi(testConfig(api.database.url, LOOPBACK_ALLOWED));
    permissive.useLogger(false);
    await permissive.listen(0, '127.0.0.1');
    const key = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, key);
    permissiveConsultant = apiClient(await permissive.getUrl(), key);
    const organization = await consultant.POST('/v1/organizations', { body: { name: 'Webshop Ltd' } });
    organizationId = organization.data!.id;
    const registered = await register(permissiveConsultant, 'registered', {
      kubeconfig: fake.kubeconfig('token'),
    });
    expect(registered.response.status).toBe(201);
    registeredId = registered.data!.id;
  });
  afterAll(async () => {
    await permissive?.close();
    await api?.close();
    await fake?.stop();
  });

  it('covers every kubeconfig and address refusal code the API has', () => {
    const refusalCodes = Object.values(ErrorCode).filter((code) =>
      /^(CLUSTER_KUBECONFIG_|ADDRESS_)/.test(code),
    );
    expect(new Set(REFUSED_CASES.map((refused) => refused.code))).toEqual(
      new Set([...refusalCodes, ErrorCode.BodyTooLarge]),
    );
  });

  describe('POST /v1/clusters', () => {
    it.each(REFUSED_CASES)('refuses $name with $code and stores nothing', async (refused) => {
      const rowsBefore = await storedClusters();
      const listedBefore = await listedClusterIds();
      const { response, error } = await register(consultant, `refused ${refused.name}`, refused);
      expectRefusal(response, error, refused.code);
      expect(await storedClusters()).toEqual(rowsBefore);
      expect(await listedClusterIds()).toEqual(listedBefore);
    });
  });

  describe('PATCH /v1/clusters/:id/credentials', () => {
    it.each(REFUSED_CASES)('refuses $name with $code and keeps the sealed credentials', async (refused) => {
      const rowsBefore = await storedClusters();
      const { response, error } = await consultant.PATCH('/v1/clusters/{id}/credentials', {
        params: { path: { id: registeredId } },
        body: {
          kubeconfig: refused.kubeconfig,
          ...(refused.context !== undefined && { context: refused.context }),
        },
      });
      expectRefusal(response, error, refused.code);
      const rowsAfter = await storedClusters();
      expect(rowsAfter).toEqual(rowsBefore);
      expect(rowsAfter.find((row) => row.id === registeredId)?.credentials?.length).toBeGreaterThan(0);
    });

    it('does change the sealed credentials when the kubeconfig is accepted (the comparison can fail)', async () => {
      const sealed = async () => (await storedClusters()).find((row) => row.id === registeredId)!.credentials;
      const before = await sealed();
      const { response } = await permissiveConsultant.PATCH('/v1/clusters/{id}/credentials', {
        params: { path: { id: registeredId } },
        body: { kubeconfig: fake.kubeconfig('certificate') },
      });
      expect(response.status).toBe(200);
      expect(await sealed()).not.toEqual(before);
    });
  });

  describe('loopback', () => {
    it('refuses a valid kubeconfig whose server is loopback unless the deployment allows loopback', async () => {
      const rowsBefore = await storedClusters();
      const refused = await register(consultant, 'loopback', { kubeconfig: fake.kubeconfig('token') });
      expectRefusal(refused.response, refused.error, ErrorCode.AddressLoopbackForbidden);
      expect(await storedClusters()).toEqual(rowsBefore);

      const accepted = await register(permissiveConsultant, 'loopback', {
        kubeconfig: fake.kubeconfig('token'),
      });
      expect(accepted.response.status).toBe(201);
      expect(accepted.data!.source).toMatchObject({ type: 'kubeconfig', server: fake.url });
      expect((await storedClusters()).map((row) => row.name)).toContain('loopback');
    });

    it('checks the address again at connection time: no request reaches a server the policy now refuses', async () => {
      const verified = await permissiveConsultant.POST('/v1/clusters/{id}/verify', {
        params: { path: { id: registeredId } },
      });
      expect(verified.response.status).toBe(200);
      const requestsBefore = fake.requests.length;
      const refused = await consultant.POST('/v1/clusters/{id}/verify', {
        params: { path: { id: registeredId } },
      });
      expectRefusal(refused.response, refused.error, ErrorCode.AddressLoopbackForbidden);
      expect(fake.requests.length).toBe(requestsBefore);
    });
  });
});
