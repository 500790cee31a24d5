import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { generateCluster } from '../../bench/synthetic/cluster';
import type { KubeObject } from '../../src/engine/kube-types';
import { SnapshotRepository } from '../../src/modules/clusters/snapshot.repository';
import { startTestApi, type TestApi } from '../support/api';
import { spawnWorker, stopWorker } from '../support/worker-process';

jest.setTimeout(240_000);

describe('a worker killed while persisting findings', () => {
  let api: TestApi;
  let database: Client;
  const workers: ChildProcess[] = [];

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminKey}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  const row = async (id: string) =>
    (
      await database.query<{ status: string; stage: string; findings: string }>(
        `SELECT status, stage, (SELECT count(*) FROM findings WHERE assessment_id = $1) AS findings
       FROM assessments WHERE id = $1`,
        [id],
      )
    ).rows[0]!;

  async function waitFor(
    id: string,
    done: (state: { status: string; stage: string; findings: number }) => boolean,
  ) {
    for (const started = Date.now(); Date.now() - started < 200_000; ) {
      const state = await row(id);
      const current = { ...state, findings: Number(state.findings) };
      if (done(current)) {
        return current;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`assessment ${id} did not get there in time: ${JSON.stringify(await row(id))}`);
  }

  const fingerprints = async (id: string) =>
    (
      await database.query<{ fingerprint: string }>(
        'SELECT fingerprint FROM findings WHERE assessment_id = $1 ORDER BY 1',
        [id],
      )
    ).rows.map((found) => found.fingerprint);

  beforeAll(async () => {
    api = await startTestApi();
    database = new Client({ connectionString: api.config.databaseUrl });
    await database.connect();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker, 'SIGTERM')));
    await database.end();
    await api.close();
  });

  it('is recovered by a restarted worker with exactly the findings of an undisturbed run', async () => {
    const organization = await call('POST', '/v1/organizations', { name: 'Crash test' });
    const organizationId = organization['id'] as string;
    const engagement = await call('POST', '/v1/engagements', { organizationId, name: 'resilience' });
    const cluster = await call('POST', '/v1/clusters', {
      organizationId,
      name: 'big',
      source: { type: 'snapshot' },
    });
    const clusterId = cluster['id'] as string;
    // Stored straight through the repository: a 60 MB upload is the snapshot tests' subject, not this one's.
    const objects = (generateCluster(12_000) as unknown as { items: KubeObject[] }).items;
    await api.app.get(SnapshotRepository).insert({ organizationId, clusterId, objects });
    const engagementId = engagement['id'] as string;

    const crashed = (await call('POST', '/v1/assessments', { engagementId, clusterId }))['id'] as string;
    workers.push(spawnWorker(api.config));
    const killedAt = await waitFor(crashed, (state) => state.stage === 'persisting' && state.findings > 0);
    await stopWorker(workers[0]!, 'SIGKILL');
    const afterKill = await row(crashed);
    expect(afterKill.status).toBe('running');

    workers.push(spawnWorker(api.config));
    const recovered = await waitFor(
      crashed,
      (state) => state.status === 'succeeded' || state.status === 'failed',
    );
    expect(recovered.status).toBe('succeeded');
    expect(killedAt.findings).toBeLessThan(recovered.findings);

    const undisturbed = (await call('POST', '/v1/assessments', { engagementId, clusterId }))['id'] as string;
    const reference = await waitFor(
      undisturbed,
      (state) => state.status === 'succeeded' || state.status === 'failed',
    );
    expect(reference.status).toBe('succeeded');
    expect(await fingerprints(crashed)).toEqual(await fingerprints(undisturbed));
  });
});
