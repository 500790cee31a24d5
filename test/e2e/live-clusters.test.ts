import { loadScenarioFixture, startFakeKube, type FakeKube, NO_FAULTS } from '../support/fake-kube';
import {
  allFindings,
  assessCluster,
  type LiveClusterHarness,
  registerFakeCluster,
  startLiveClusterHarness,
} from '../support/live-cluster';

describe('live clusters end to end', () => {
  let fake: FakeKube;
  let harness: LiveClusterHarness;
  beforeAll(async () => {
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    harness = await startLiveClusterHarness();
  });
  afterAll(async () => {
    await harness.close();
    await fake.stop();
  });
  afterEach(() => fake.setFaults(NO_FAULTS));

  it('registers a kubeconfig cluster without ever returning its credentials', async () => {
    const id = await registerFakeCluster(harness, fake, 'token-cluster');
    const { data } = await harness.consultant.GET('/v1/clusters/{id}', { params: { path: { id } } });
    expect(data!.source).toEqual({ type: 'kubeconfig', server: fake.url, collectSecretMetadata: false });
    expect(data!.verification).toBeNull();
    expect(JSON.stringify(data)).not.toContain(fake.token);
  });

  it('verifies the connection: version, and what the credentials may list', async () => {
    const id = await registerFakeCluster(harness, fake, 'verified', { auth: 'certificate' });
    fake.setFaults({ forbidden: ['rolebindings'] });
    const { data, response } = await harness.consultant.POST('/v1/clusters/{id}/verify', {
      params: { path: { id } },
    });
    expect(response.status).toBe(200);
    expect(data!.serverVersion).toBe('v1.30.2');
    const access = new Map(data!.resources.map((resource) => [resource.kind, resource.allowed]));
    expect(access.get('RoleBinding')).toBe(false);
    expect(access.get('Pod')).toBe(true);
    expect(access.get('ClusterPolicy')).toBe(true);
    const stored = await harness.consultant.GET('/v1/clusters/{id}', { params: { path: { id } } });
    expect(stored.data!.verification?.verifiedAt).toBe(data!.verifiedAt);
  });

  it('assesses the live cluster: collects, stores the inventory, evaluates and persists', async () => {
    const id = await registerFakeCluster(harness, fake, 'assessed');
    const assessment = await assessCluster(harness, id);
    expect(assessment.failure).toBeNull();
    expect(assessment.status).toBe('succeeded');
    expect(assessment.coverageGaps).toEqual([]);
    expect(assessment.collection?.objects).toBeGreaterThan(20);
    expect(assessment.collection?.resourcesDone).toBe(assessment.collection?.resourcesTotal);
    const findings = await allFindings(harness, assessment.id);
    const counted = Object.values(assessment.summary!.findings).reduce((sum, count) => sum + count, 0);
    expect(findings.length).toBe(counted);
    expect(findings.some((finding) => finding.resource.namespace === 'shop')).toBe(true);
    const snapshots = await harness.consultant.GET('/v1/clusters/{id}/snapshots', {
      params: { path: { id } },
    });
    expect(snapshots.data!.items).toHaveLength(1);
    expect(snapshots.data!.items[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the collection progress while it runs', async () => {
    const id = await registerFakeCluster(harness, fake, 'slow');
    fake.setFaults({ latencyMs: 250 });
    const created = await harness.consultant.POST('/v1/assessments', {
      body: { engagementId: harness.engagementId, clusterId: id },
    });
    const seen: { stage: string; done: number; total: number; progress: number }[] = [];
    for (let polls = 0; polls < 300; polls++) {
      const { data } = await harness.consultant.GET('/v1/assessments/{id}', {
        params: { path: { id: created.data!.id } },
      });
      if (data!.collection) {
        const { resourcesDone, resourcesTotal } = data!.collection;
        seen.push({
          stage: data!.stage,
          done: resourcesDone,
          total: resourcesTotal,
          progress: data!.progress,
        });
      }
      if (data!.status !== 'queued' && data!.status !== 'running') {
        expect(data!.status).toBe('succeeded');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const during = seen.filter((sample) => sample.stage === 'collecting');
    expect(during.length).toBeGreaterThan(0);
    // The last report of a collection (every resource listed, progress 20) can land while the snapshot is
    // still being stored, so still in the collecting stage.
    expect(
      during.every((sample) => sample.done <= sample.total && sample.progress >= 5 && sample.progress <= 20),
    ).toBe(true);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
  });

  it('replaces the credentials; a wrong token then fails verification with its code', async () => {
    const id = await registerFakeCluster(harness, fake, 'rotated');
    const replaced = await harness.consultant.PATCH('/v1/clusters/{id}/credentials', {
      params: { path: { id } },
      body: { kubeconfig: fake.kubeconfig('token', { token: 'not-the-token' }) },
    });
    expect(replaced.response.status).toBe(200);
    const verify = await harness.consultant.POST('/v1/clusters/{id}/verify', { params: { path: { id } } });
    expect(verify.response.status).toBe(422);
    expect((verify.error as unknown as { error: { code: string } }).error.code).toBe(
      'CLUSTER_CREDENTIALS_REJECTED',
    );
  });
});
