import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeassay } from '../support/cli';
import { type FakeKube, generateScenario, type KubeObject, startFakeKube } from '../support/fake-kube';
import {
  allFindings,
  type Assessment,
  assessCluster,
  type Finding,
  type LiveClusterHarness,
  registerFakeCluster,
  startLiveClusterHarness,
} from '../support/live-cluster';
import { findingIdentity } from '../support/finding-identity';

type FileFinding = Omit<Finding, 'id'>;

interface CliReport {
  summary: Assessment['summary'];
  checks: NonNullable<Assessment['checkResults']>;
  findings: FileFinding[];
}

const SCENARIO = { pods: 5_000, namespaces: 50 };
/** What `/version` says: the release the scenario's kubelets run, as on a cluster with up-to-date nodes. */
const SERVER_VERSION = 'v1.29.6';
const VERSION_CHECK = 'kubernetes-version-end-of-life';

/** The cluster as `kubectl get -o json` dumps it: a List file per namespace, one for cluster-scoped objects. */
function writeAsFiles(objects: readonly KubeObject[], directory: string): void {
  const byScope = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const scope = object.metadata.namespace ?? 'cluster-scoped';
    byScope.set(scope, byScope.get(scope) ?? []);
    byScope.get(scope)!.push(object);
  }
  for (const [scope, items] of byScope) {
    writeFileSync(
      join(directory, `${scope}.json`),
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items }),
    );
  }
}

/**
 * The one input files cannot carry is what `/version` answers: the live assessment names the API server as
 * the source of the cluster version, a file scan the newest kubelet. The version itself must agree.
 */
function versionSourceless(finding: FileFinding): FileFinding {
  if (finding.check !== VERSION_CHECK) {
    return finding;
  }
  const message = finding.message
    .replace('from the API server', 'from <version source>')
    .replace(/from the newest kubelet \(Node [^)]+\)/, 'from <version source>');
  return { ...finding, message };
}

describe('a 5,000-pod live cluster across 50 namespaces', () => {
  let fake: FakeKube;
  let harness: LiveClusterHarness;
  let directory: string;
  let written: KubeObject[];

  beforeAll(async () => {
    // The cluster stores the objects as `kubectl apply` leaves them (managedFields, last-applied copies); the
    // files hold them as written. The collector drops that bookkeeping, so the checks must see the same.
    const served = generateScenario({ ...SCENARIO, serverSideFields: true });
    fake = await startFakeKube({ objects: served, gitVersion: SERVER_VERSION });
    harness = await startLiveClusterHarness();
    directory = mkdtempSync(join(tmpdir(), 'kubeassay-live-scale-'));
    written = generateScenario(SCENARIO);
    writeAsFiles(written, directory);
  });
  afterAll(async () => {
    await harness?.close();
    await fake?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('assessed through the API, yields exactly the findings of `kubeassay scan` over the same objects as files', async () => {
    const id = await registerFakeCluster(harness, fake, 'scale');
    const assessment = await assessCluster(harness, id);
    expect(assessment.failure).toBeNull();
    expect(assessment.status).toBe('succeeded');
    expect(assessment.coverageGaps).toEqual([]);
    const live = await allFindings(harness, assessment.id);
    const cli = await kubeassay(['scan', directory, '--format', 'json']);
    expect(cli.stderr).toBe('');
    const files = JSON.parse(cli.stdout) as CliReport;

    expect(files.summary!.objects).toBe(written.length);
    expect(assessment.summary).toEqual(files.summary);
    expect(assessment.checkResults).toEqual(files.checks);
    expect(files.findings.length).toBeGreaterThan(5_000);
    const fromApi = live.map(versionSourceless);
    const fromFiles = files.findings.map(versionSourceless);
    expect(fromApi.map(findingIdentity).sort()).toEqual(fromFiles.map(findingIdentity).sort());
    const twins = new Map(fromFiles.map((finding) => [findingIdentity(finding), finding]));
    for (const finding of fromApi) {
      expect({ ...finding, id: undefined, organizationId: undefined, fingerprint: undefined }).toEqual({
        ...twins.get(findingIdentity(finding)),
        id: undefined,
        fingerprint: undefined,
        source: undefined,
      });
    }
    const version = (findings: FileFinding[]) => findings.find((finding) => finding.check === VERSION_CHECK);
    expect(version(live)?.message).toContain(`(${SERVER_VERSION}, from the API server)`);
    expect(version(files.findings)?.message).toContain(`(${SERVER_VERSION}, from the newest kubelet`);
  }, 90_000);
});
