import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../../src/modules/auth/role';
import { ClusterRepository } from '../../src/modules/clusters/cluster.repository';
import { ClusterSourceType } from '../../src/modules/clusters/entities/cluster.entity';
import { SnapshotRepository } from '../../src/modules/clusters/snapshot.repository';
import { startTestApi, type TestApi } from '../support/api';

const anyString = expect.any(String) as unknown;

interface Cluster {
  id: string;
  organizationId: string;
  name: string;
  source: { type: string };
  createdAt: string;
}
interface Snapshot {
  id: string;
  clusterId: string;
  organizationId: string;
  objectCount: number;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { errors?: { code: string; line: number }[] } };
}

const TWO_DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {}
---
# an empty document between separators is fine
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
`;
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'shop' } });

async function request<T>(baseUrl: string, path: string, key: string, init: RequestInit = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('clusters and snapshots', () => {
  let api: TestApi;
  let acmeId: string;
  let globexId: string;
  let acmeCluster: Cluster;
  let globexCluster: Cluster;
  let acmeClient: string;

  const call = <T>(path: string, key: string, init: RequestInit = {}) =>
    request<T>(api.baseUrl, path, key, init);
  const post = <T>(path: string, body: unknown, key = api.adminKey) =>
    call<T>(path, key, { method: 'POST', body: JSON.stringify(body) });
  const upload = <T>(clusterId: string, body: string, contentType: string, key = api.adminKey) =>
    call<T>(`/v1/clusters/${clusterId}/snapshots`, key, {
      method: 'POST',
      body,
      headers: { 'content-type': contentType },
    });

  beforeAll(async () => {
    api = await startTestApi();
    acmeId = (await post<{ id: string }>('/v1/organizations', { name: 'Acme' })).body.id;
    globexId = (await post<{ id: string }>('/v1/organizations', { name: 'Globex' })).body.id;
    acmeCluster = (
      await post<Cluster>('/v1/clusters', {
        organizationId: acmeId,
        name: 'prod',
        source: { type: 'snapshot' },
      })
    ).body;
    globexCluster = (
      await post<Cluster>('/v1/clusters', {
        organizationId: globexId,
        name: 'prod',
        source: { type: 'snapshot' },
      })
    ).body;
    acmeClient = await api.createKey(Role.Client, acmeId);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('registering clusters', () => {
    it('creates a snapshot cluster and reads it back', async () => {
      expect(acmeCluster).toEqual({
        id: anyString,
        organizationId: acmeId,
        name: 'prod',
        source: { type: 'snapshot' },
        verification: null,
        createdAt: anyString,
      });
      const read = await call<Cluster>(`/v1/clusters/${acmeCluster.id}`, api.adminKey);
      expect(read.body).toEqual(acmeCluster);
    });

    it('answers 422 with the reason for a kubeconfig it cannot use, and stores nothing', async () => {
      const kubeconfig = await post<ErrorBody>('/v1/clusters', {
        organizationId: acmeId,
        name: 'live',
        source: { type: 'kubeconfig', kubeconfig: 'apiVersion: v1\nkind: Config\n', context: 'admin' },
      });
      expect(kubeconfig.status).toBe(422);
      expect(kubeconfig.body.error.code).toBe('CLUSTER_KUBECONFIG_CONTEXT_NOT_FOUND');
      const listed = await call<Page<Cluster>>(`/v1/clusters?organizationId=${acmeId}`, api.adminKey);
      expect(listed.body.items.map((cluster) => cluster.name)).toEqual(['prod']);
    });

    it('validates the source by its type: unknown types and fields, missing members (400)', async () => {
      const sources: unknown[] = [
        undefined,
        'snapshot',
        [],
        { type: 'bogus' },
        { type: 'snapshot', kubeconfig: 'x' },
        { type: 'kubeconfig' },
        { type: 'kubeconfig', kubeconfig: 'x', tokenFile: '/etc/passwd' },
      ];
      for (const source of sources) {
        const response = await post<ErrorBody>('/v1/clusters', { organizationId: acmeId, name: 'x', source });
        expect([JSON.stringify(source), response.status, response.body.error.code]).toEqual([
          JSON.stringify(source),
          400,
          'VALIDATION_FAILED',
        ]);
      }
      const unknownTop = await post<ErrorBody>('/v1/clusters', {
        organizationId: acmeId,
        name: 'x',
        source: { type: 'snapshot' },
        region: 'eu',
      });
      expect(unknownTop.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('answers 409 for a name taken in the organization and 404 for an unknown organization', async () => {
      const duplicate = await post<ErrorBody>('/v1/clusters', {
        organizationId: acmeId,
        name: 'prod',
        source: { type: 'snapshot' },
      });
      expect([duplicate.status, duplicate.body.error.code]).toEqual([409, 'CONFLICT']);
      const missing = await post<ErrorBody>('/v1/clusters', {
        organizationId: '00000000-0000-4000-8000-000000000000',
        name: 'prod',
        source: { type: 'snapshot' },
      });
      expect([missing.status, missing.body.error.message]).toEqual([404, 'organization not found']);
    });

    it("shows a client its own clusters only; another organization's cluster is 404", async () => {
      const listed = await call<Page<Cluster>>('/v1/clusters', acmeClient);
      expect(listed.body.items.map((cluster) => cluster.id)).toEqual([acmeCluster.id]);
      expect((await call(`/v1/clusters/${acmeCluster.id}`, acmeClient)).status).toBe(200);
      const other = await call<ErrorBody>(`/v1/clusters/${globexCluster.id}`, acmeClient);
      expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
      const badId = await call<ErrorBody>('/v1/clusters/prod', acmeClient);
      expect([badId.status, badId.body.error.code]).toEqual([400, 'INVALID_ID']);
    });

    it('forbids clients to register clusters', async () => {
      const denied = await post<ErrorBody>(
        '/v1/clusters',
        { organizationId: acmeId, name: 'mine', source: { type: 'snapshot' } },
        acmeClient,
      );
      expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    });
  });

  describe('uploading snapshots', () => {
    it('stores multi-document YAML and exposes it to the assessment side through SnapshotRepository', async () => {
      const stored = await upload<Snapshot>(acmeCluster.id, TWO_DEPLOYMENTS, 'application/yaml');
      expect(stored.status).toBe(201);
      expect(stored.body).toMatchObject({
        clusterId: acmeCluster.id,
        organizationId: acmeId,
        objectCount: 2,
        sizeBytes: Buffer.byteLength(TWO_DEPLOYMENTS),
      });
      const snapshots = api.app.get(SnapshotRepository);
      expect((await snapshots.findLatestForCluster(acmeCluster.id))?.id).toBe(stored.body.id);
      const objects = (await snapshots.load(stored.body.id))?.objects;
      expect(objects?.map((object) => object.metadata.name)).toEqual(['web', 'api']);
      expect(await storedContentSha256(stored.body.id)).toBe(stored.body.sha256);
    });

    it('accepts JSON objects, Lists and arrays, parsed or raw', async () => {
      const cases: [string, unknown, number][] = [
        ['application/json', pod('a'), 1],
        ['application/json', { apiVersion: 'v1', kind: 'List', items: [pod('a'), pod('b')] }, 2],
        ['application/json', [pod('a'), pod('b'), pod('c')], 3],
        ['application/json', { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'a' } }] }, 1],
        ['application/vnd.kubeassay.snapshot+json', [pod('a'), pod('b')], 2],
        ['text/yaml; charset=utf-8', pod('a'), 1],
      ];
      for (const [contentType, body, objectCount] of cases) {
        const stored = await upload<Snapshot>(acmeCluster.id, JSON.stringify(body), contentType);
        expect([contentType, stored.status, stored.body.objectCount]).toEqual([
          contentType,
          201,
          objectCount,
        ]);
      }
      const latest = await api.app.get(SnapshotRepository).findLatestForCluster(acmeCluster.id);
      expect(latest?.objectCount).toBe(1);
    });

    it('answers 422 SNAPSHOT_MALFORMED naming the line of a broken document, and stores nothing', async () => {
      const before = await call<Page<Snapshot>>(`/v1/clusters/${globexCluster.id}/snapshots`, api.adminKey);
      // Lines 11-16: the last mapping key of the third document is indented one column short.
      const broken = `${TWO_DEPLOYMENTS}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n labels: y\n`;
      const response = await upload<ErrorBody>(globexCluster.id, broken, 'application/x-yaml');
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('SNAPSHOT_MALFORMED');
      expect(response.body.error.message).toMatch(/^the snapshot is malformed: line 16: /);
      expect(response.body.error.details?.errors?.[0]).toMatchObject({ code: 'MALFORMED_YAML', line: 16 });
      const notAnObject = await upload<ErrorBody>(
        globexCluster.id,
        `${TWO_DEPLOYMENTS}---\nmetadata: {}\n`,
        'application/yaml',
      );
      expect(notAnObject.body.error.code).toBe('SNAPSHOT_MALFORMED');
      expect(notAnObject.body.error.message).toMatch(/line 12: document has no kind/);
      expect(notAnObject.body.error.details?.errors).toEqual([
        { code: 'NOT_A_KUBERNETES_OBJECT', message: 'document has no kind', line: 12 },
      ]);
      const badJson = await upload<ErrorBody>(
        globexCluster.id,
        '[\n  {"kind": "Pod"},\n  oops\n]',
        'application/vnd.kubeassay.snapshot+json',
      );
      // The line of a JSON syntax error depends on the engine's reading of V8's message (line 1 on Node 20).
      expect(badJson.body.error.details?.errors?.[0]?.code).toBe('MALFORMED_JSON');
      const binary = await upload<ErrorBody>(globexCluster.id, 'kind: Pod\u0000', 'application/yaml');
      expect(binary.body.error.details?.errors?.[0]?.code).toBe('BINARY_FILE');
      const after = await call<Page<Snapshot>>(`/v1/clusters/${globexCluster.id}/snapshots`, api.adminKey);
      expect(after.body.items).toHaveLength(before.body.items.length);
    });

    it('answers 422 SNAPSHOT_EMPTY for an upload without objects', async () => {
      for (const [body, contentType] of [
        ['---\n# nothing\n---\n', 'application/yaml'],
        ['', 'application/yaml'],
        ['[]', 'application/json'],
        ['{"kind": "List", "items": []}', 'application/json'],
      ]) {
        const response = await upload<ErrorBody>(acmeCluster.id, body!, contentType!);
        expect([body, response.status, response.body.error.code]).toEqual([body, 422, 'SNAPSHOT_EMPTY']);
      }
    });

    it('answers 415 UNSUPPORTED_MEDIA_TYPE for other content types', async () => {
      for (const contentType of [
        'text/plain',
        'application/octet-stream',
        'multipart/form-data; boundary=x',
      ]) {
        const response = await upload<ErrorBody>(acmeCluster.id, TWO_DEPLOYMENTS, contentType);
        expect([contentType, response.status, response.body.error.code]).toEqual([
          contentType,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        ]);
      }
    });

    it('answers 409 CLUSTER_NOT_SNAPSHOT for a cluster that reads a live API', async () => {
      const live = await api.app.get(ClusterRepository).insert({
        organizationId: acmeId,
        name: 'live',
        sourceType: ClusterSourceType.Kubeconfig,
      });
      const response = await upload<ErrorBody>(live.id, TWO_DEPLOYMENTS, 'application/yaml');
      expect([response.status, response.body.error.code]).toEqual([409, 'CLUSTER_NOT_SNAPSHOT']);
    });

    it('lists snapshot metadata without content; another tenant gets 404 and clients cannot upload', async () => {
      const listed = await call<Page<Snapshot & Record<string, unknown>>>(
        `/v1/clusters/${acmeCluster.id}/snapshots`,
        acmeClient,
      );
      expect(listed.status).toBe(200);
      expect(listed.body.items.length).toBeGreaterThan(1);
      expect(listed.body.items.every((snapshot) => !('content' in snapshot))).toBe(true);
      expect(Object.keys(listed.body.items[0]!).sort()).toEqual(
        ['clusterId', 'createdAt', 'id', 'objectCount', 'organizationId', 'sha256', 'sizeBytes'].sort(),
      );
      const other = await call<ErrorBody>(`/v1/clusters/${globexCluster.id}/snapshots`, acmeClient);
      expect([other.status, other.body.error.code]).toEqual([404, 'NOT_FOUND']);
      const denied = await upload<ErrorBody>(acmeCluster.id, TWO_DEPLOYMENTS, 'application/yaml', acmeClient);
      expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
      const unknownCluster = await upload<ErrorBody>(
        '00000000-0000-4000-8000-000000000000',
        TWO_DEPLOYMENTS,
        'application/yaml',
      );
      expect(unknownCluster.status).toBe(404);
    });

    it('records cluster creation and uploads, failed ones included, in the audit trail', async () => {
      const events = await call<Page<{ action: string; outcome: string; status: number; targetId: string }>>(
        '/v1/audit-events?limit=500',
        api.adminKey,
      );
      expect(events.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'cluster.create', outcome: 'success', targetId: acmeCluster.id }),
          expect.objectContaining({ action: 'cluster.create', outcome: 'failed', status: 422 }),
          expect.objectContaining({
            action: 'snapshot.upload',
            outcome: 'success',
            targetId: acmeCluster.id,
          }),
          expect.objectContaining({ action: 'snapshot.upload', outcome: 'failed', status: 422 }),
          expect.objectContaining({ action: 'snapshot.upload', outcome: 'failed', status: 415 }),
        ]),
      );
    });
  });

  async function storedContentSha256(snapshotId: string): Promise<string> {
    const client = new Client({ connectionString: api.database.url });
    await client.connect();
    try {
      const result = await client.query<{ content: Buffer }>('SELECT content FROM snapshots WHERE id = $1', [
        snapshotId,
      ]);
      return createHash('sha256').update(result.rows[0]!.content).digest('hex');
    } finally {
      await client.end();
    }
  }
});

describe('snapshot size limit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ snapshotMaxBytes: 1024 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers 413 BODY_TOO_LARGE for an upload over KUBEASSAY_SNAPSHOT_MAX_BYTES', async () => {
    const post = <T>(path: string, body: unknown) =>
      request<T>(api.baseUrl, path, api.adminKey, { method: 'POST', body: JSON.stringify(body) });
    const organization = (await post<{ id: string }>('/v1/organizations', { name: 'Acme' })).body;
    const cluster = (
      await post<{ id: string }>('/v1/clusters', {
        organizationId: organization.id,
        name: 'prod',
        source: { type: 'snapshot' },
      })
    ).body;
    const path = `/v1/clusters/${cluster.id}/snapshots`;
    const small = await request(api.baseUrl, path, api.adminKey, {
      method: 'POST',
      body: TWO_DEPLOYMENTS,
      headers: { 'content-type': 'application/yaml' },
    });
    expect(small.status).toBe(201);
    const large = await request<ErrorBody>(api.baseUrl, path, api.adminKey, {
      method: 'POST',
      body: `${TWO_DEPLOYMENTS}# ${'x'.repeat(1024)}\n`,
      headers: { 'content-type': 'application/yaml' },
    });
    expect([large.status, large.body.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
  });
});
