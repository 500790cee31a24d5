import { Client } from 'pg';
import type { components } from '../../openapi/schema';
import { catalog } from '../../src/engine/checks/catalog';
import { Role } from '../../src/modules/auth/role';
import { apiClient } from '../support/client';
import { loadScenarioFixture, startFakeKube, type FakeKube, NO_FAULTS } from '../support/fake-kube';
import {
  allFindings,
  type Assessment,
  assessCluster,
  type Finding,
  type LiveClusterHarness,
  registerFakeCluster,
  startLiveClusterHarness,
} from '../support/live-cluster';

type Diff = components['schemas']['AssessmentDiffDto'];
type DiffFinding = components['schemas']['DiffFindingDto'];

jest.setTimeout(60_000);

const CATEGORIES = ['new', 'fixed', 'notAssessed', 'persisting', 'regressed'] as const;

/** Two workloads; `web` runs on the host network in the first snapshot, which the second one fixes. */
function shopYaml(web: { hostNetwork: boolean; hostPID?: boolean }): string {
  const deployment = (name: string, podSpec: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  replicas: 2
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${podSpec}`;
  const webSpec = [
    `      hostNetwork: ${web.hostNetwork}`,
    ...(web.hostPID ? ['      hostPID: true'] : []),
    '      containers:',
    '        - { name: web, image: "registry.example.com/web:1.0" }',
  ].join('\n');
  const apiSpec = [
    '      containers:',
    '        - name: api',
    '          image: registry.example.com/api:1.0',
    '          securityContext: { privileged: true }',
  ].join('\n');
  return [
    'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }',
    deployment('web', webSpec),
    deployment('api', apiSpec),
  ].join('\n---\n');
}

/** The categories' counts, for asserting "nothing else changed" in one comparison. */
const counts = (diff: Diff) =>
  Object.fromEntries(CATEGORIES.map((category) => [category, diff[category].count]));

const brief = (finding: DiffFinding | Finding) =>
  `${finding.check} ${finding.resource.kind}/${finding.resource.namespace ?? ''}/${finding.resource.name}`;

describe('comparing assessments', () => {
  let harness: LiveClusterHarness;
  let clusterId: string;
  /** host-network on web. */
  let first: Assessment;
  /** web fixed. */
  let second: Assessment;
  /** host-network back, host-pid for the first time. */
  let third: Assessment;
  let firstFindings: Finding[];

  const uploadSnapshot = async (cluster: string, yaml: string) => {
    const response = await fetch(`${harness.api.baseUrl}/v1/clusters/${cluster}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${harness.consultantKey}` },
      body: yaml,
    });
    expect(response.status).toBe(201);
  };
  const snapshotCluster = async (name: string, organizationId = harness.organizationId) => {
    const { data } = await harness.consultant.POST('/v1/clusters', {
      body: { organizationId, name, source: { type: 'snapshot' } },
    });
    return data!.id;
  };
  const diffOf = async (id: string, query: { against?: string; limit?: number } = {}, key?: string) => {
    const client = key ? apiClient(harness.api.baseUrl, key) : harness.consultant;
    const { data, response } = await client.GET('/v1/assessments/{id}/diff', {
      params: { path: { id }, query },
    });
    return { status: response.status, diff: data! };
  };
  const raw = async (path: string) => {
    const response = await fetch(`${harness.api.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${harness.consultantKey}` },
    });
    return [response.status, ((await response.json()) as { error?: { code: string } }).error?.code];
  };

  beforeAll(async () => {
    harness = await startLiveClusterHarness();
    clusterId = await snapshotCluster('shop-prod');
    await uploadSnapshot(clusterId, shopYaml({ hostNetwork: true }));
    first = await assessCluster(harness, clusterId);
    await uploadSnapshot(clusterId, shopYaml({ hostNetwork: false }));
    second = await assessCluster(harness, clusterId);
    await uploadSnapshot(clusterId, shopYaml({ hostNetwork: true, hostPID: true }));
    third = await assessCluster(harness, clusterId);
    firstFindings = await allFindings(harness, first.id);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('reports the one fixed resource as fixed and nothing else changed, against the previous assessment', async () => {
    expect([first.status, second.status, third.status]).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const { status, diff } = await diffOf(second.id);
    expect(status).toBe(200);
    expect(diff.againstId).toBe(first.id);
    expect(counts(diff)).toEqual({
      new: 0,
      fixed: 1,
      notAssessed: 0,
      persisting: firstFindings.length - 1,
      regressed: 0,
    });
    const fixed = firstFindings.find((finding) => brief(finding) === 'host-network Deployment/shop/web')!;
    expect(diff.fixed.items).toEqual([
      expect.objectContaining({ id: fixed.id, fingerprint: fixed.fingerprint, check: 'host-network' }),
    ]);
    expect(diff.fixed.truncated).toBe(false);
  });

  it('tells a finding that was fixed and came back (regressed) from one never seen before (new)', async () => {
    const { diff } = await diffOf(third.id);
    expect(diff.againstId).toBe(second.id);
    expect(diff.regressed.items.map(brief)).toEqual(['host-network Deployment/shop/web']);
    expect(diff.new.items.map(brief)).toEqual(['host-pid Deployment/shop/web']);
    expect(counts(diff)).toEqual({
      new: 1,
      fixed: 0,
      notAssessed: 0,
      persisting: firstFindings.length - 1,
      regressed: 1,
    });
    const thirdFindings = await allFindings(harness, third.id);
    const regressed = thirdFindings.find((finding) => brief(finding) === 'host-network Deployment/shop/web')!;
    expect(diff.regressed.items[0]!.id).toBe(regressed.id);
  });

  it('compares with the baseline named by `against`', async () => {
    const { diff } = await diffOf(third.id, { against: first.id });
    expect(diff.againstId).toBe(first.id);
    expect(counts(diff)).toEqual({
      new: 1,
      fixed: 0,
      notAssessed: 0,
      persisting: firstFindings.length,
      regressed: 0,
    });
  });

  it('lists at most `limit` findings per category, in id order, and says when there are more', async () => {
    const { diff } = await diffOf(third.id, { against: first.id, limit: 5 });
    expect(diff.persisting.count).toBe(firstFindings.length);
    expect(diff.persisting.truncated).toBe(true);
    const persisting = (await allFindings(harness, third.id)).filter(
      (finding) => finding.check !== 'host-pid',
    );
    expect(diff.persisting.items.map((finding) => finding.id)).toEqual(
      persisting.slice(0, 5).map((finding) => finding.id),
    );
    expect([diff.new.items.length, diff.new.truncated]).toEqual([1, false]);
  });

  it("counts findings outside the namespaces of the assessment's profile as not assessed", async () => {
    const created = await harness.consultant.POST('/v1/assessments', {
      body: { engagementId: harness.engagementId, clusterId, profile: { namespaces: ['payments'] } },
    });
    const narrowed = await waitForEnd(harness, created.data!.id);
    expect(narrowed.status).toBe('succeeded');
    const { diff } = await diffOf(narrowed.id, { against: third.id });
    expect(counts(diff)).toEqual({
      new: 0,
      fixed: 0,
      notAssessed: firstFindings.length + 1,
      persisting: 0,
      regressed: 0,
    });
  });

  it("answers 409 DIFF_BASELINE_MISSING for the cluster's first assessment", async () => {
    expect(await raw(`/v1/assessments/${first.id}/diff`)).toEqual([409, 'DIFF_BASELINE_MISSING']);
  });

  it('answers 422 DIFF_NOT_COMPARABLE for a later, unfinished or other-cluster baseline', async () => {
    const otherCluster = await snapshotCluster('shop-staging');
    await uploadSnapshot(otherCluster, shopYaml({ hostNetwork: false }));
    const other = await assessCluster(harness, otherCluster);
    const failed = await insertFailedAssessment(harness, clusterId);
    const cases = [
      `/v1/assessments/${first.id}/diff?against=${second.id}`,
      `/v1/assessments/${second.id}/diff?against=${second.id}`,
      `/v1/assessments/${other.id}/diff?against=${first.id}`,
      `/v1/assessments/${third.id}/diff?against=${failed}`,
      `/v1/assessments/${failed}/diff`,
    ];
    for (const path of cases) {
      expect([path, ...(await raw(path))]).toEqual([path, 422, 'DIFF_NOT_COMPARABLE']);
    }
  });

  it('validates the query', async () => {
    const path = `/v1/assessments/${second.id}/diff`;
    expect(await raw(`${path}?against=yesterday`)).toEqual([400, 'VALIDATION_FAILED']);
    expect(await raw(`${path}?limit=0`)).toEqual([400, 'VALIDATION_FAILED']);
    expect(await raw(`${path}?limit=501`)).toEqual([400, 'VALIDATION_FAILED']);
    expect(await raw(`${path}?since=1`)).toEqual([400, 'VALIDATION_FAILED']);
    expect(await raw('/v1/assessments/not-an-id/diff')).toEqual([400, 'INVALID_ID']);
  });

  it("serves the organization's client and integration keys, and 404 to another organization", async () => {
    const client = await harness.api.createKey(Role.Client, harness.organizationId);
    const integration = await harness.api.createKey(Role.Integration, harness.organizationId);
    expect((await diffOf(second.id, {}, client)).diff.fixed.count).toBe(1);
    expect((await diffOf(second.id, {}, integration)).diff.fixed.count).toBe(1);

    const { data: stranger } = await harness.consultant.POST('/v1/organizations', { body: { name: 'Bank' } });
    const strangerKey = await harness.api.createKey(Role.Client, stranger!.id);
    expect((await diffOf(second.id, {}, strangerKey)).status).toBe(404);
    // The stranger's own assessment may not be compared with ours either: the baseline is scoped too.
    const { data: engagement } = await harness.consultant.POST('/v1/engagements', {
      body: { organizationId: stranger!.id, name: 'Bank review' },
    });
    const bankCluster = await snapshotCluster('bank-prod', stranger!.id);
    await uploadSnapshot(bankCluster, shopYaml({ hostNetwork: false }));
    const bank = await assessCluster({ ...harness, engagementId: engagement!.id }, bankCluster);
    expect(bank.status).toBe('succeeded');
    expect((await diffOf(bank.id, { against: first.id }, strangerKey)).status).toBe(404);
    expect(await raw('/v1/assessments/00000000-0000-4000-8000-000000000000/diff')).toEqual([
      404,
      'NOT_FOUND',
    ]);
  });
});

/** Kinds the live cluster's credentials may not list, as the catalog names them. */
const FORBIDDEN_KINDS = ['NetworkPolicy', 'RoleBinding'];
const CHECKS_NEEDING_FORBIDDEN = new Set(
  catalog
    .filter((check) => check.requires.some((kind) => FORBIDDEN_KINDS.includes(kind)))
    .map((check) => check.meta.id),
);

describe('comparing assessments of a live cluster that lost read access to some kinds', () => {
  let fake: FakeKube;
  let harness: LiveClusterHarness;
  let fullAccess: Assessment;
  let gapped: Assessment;
  let restored: Assessment;
  let fullAccessFindings: Finding[];
  let gappedFindings: Finding[];

  const diffOf = async (id: string, against?: string) => {
    const { data } = await harness.consultant.GET('/v1/assessments/{id}/diff', {
      params: { path: { id }, query: { limit: 500, ...(against && { against }) } },
    });
    for (const category of CATEGORIES) {
      expect(data![category].truncated).toBe(false);
    }
    return data!;
  };

  beforeAll(async () => {
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    harness = await startLiveClusterHarness();
    const clusterId = await registerFakeCluster(harness, fake, 'webshop');
    fullAccess = await assessCluster(harness, clusterId);
    fake.setFaults({ forbidden: ['rolebindings', 'networkpolicies'] });
    gapped = await assessCluster(harness, clusterId);
    fake.setFaults(NO_FAULTS);
    restored = await assessCluster(harness, clusterId);
    fullAccessFindings = await allFindings(harness, fullAccess.id);
    gappedFindings = await allFindings(harness, gapped.id);
  });
  afterAll(async () => {
    await harness?.close();
    fake?.setFaults(NO_FAULTS);
    await fake?.stop();
  });

  it('reports the findings it could no longer judge as not assessed, never as fixed', async () => {
    expect(gapped.coverageGaps.map((gap) => gap.kind).sort()).toEqual(FORBIDDEN_KINDS);
    const diff = await diffOf(gapped.id);
    expect(diff.againstId).toBe(fullAccess.id);
    const unjudged = fullAccessFindings.filter(
      (finding) =>
        CHECKS_NEEDING_FORBIDDEN.has(finding.check) || FORBIDDEN_KINDS.includes(finding.resource.kind),
    );
    expect(unjudged.length).toBeGreaterThan(0);
    expect(diff.notAssessed.items.map((finding) => finding.fingerprint).sort()).toEqual(
      unjudged.map((finding) => finding.fingerprint).sort(),
    );
    expect(counts(diff)).toEqual({
      new: 0,
      fixed: 0,
      notAssessed: unjudged.length,
      persisting: gappedFindings.length,
      regressed: 0,
    });
  });

  it('does not call them regressed or new once they can be read again: they never went away', async () => {
    const diff = await diffOf(restored.id);
    expect(diff.againstId).toBe(gapped.id);
    expect(counts(diff)).toEqual({
      new: 0,
      fixed: 0,
      notAssessed: 0,
      persisting: fullAccessFindings.length,
      regressed: 0,
    });
  });
});

async function waitForEnd(harness: LiveClusterHarness, id: string): Promise<Assessment> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { data } = await harness.consultant.GET('/v1/assessments/{id}', { params: { path: { id } } });
    if (!['queued', 'running'].includes(data!.status) || Date.now() > deadline) {
      return data!;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A run that ended in failure, written as the worker leaves one: no results. */
async function insertFailedAssessment(harness: LiveClusterHarness, clusterId: string): Promise<string> {
  const database = new Client({ connectionString: harness.api.database.url });
  await database.connect();
  try {
    const { rows } = await database.query<{ id: string }>(
      `INSERT INTO assessments (organization_id, engagement_id, cluster_id, status, stage, failure, finished_at)
       VALUES ($1, $2, $3, 'failed', 'collecting', 'the snapshot could not be read', now()) RETURNING id`,
      [harness.organizationId, harness.engagementId, clusterId],
    );
    return rows[0]!.id;
  } finally {
    await database.end();
  }
}
