import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeassay } from '../support/cli';
import { type FakeKube, loadScenarioFixture, NO_FAULTS, startFakeKube } from '../support/fake-kube';

interface JsonReport {
  findings: { check: string; resource: { kind: string; namespace?: string; name: string } }[];
  checks: { id: string; status: string; reason?: string }[];
}

describe('kubeassay scan --kubeconfig', () => {
  let fake: FakeKube;
  let directory: string;
  let kubeconfigFile: string;
  beforeAll(async () => {
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    directory = mkdtempSync(join(tmpdir(), 'kubeassay-cli-'));
    kubeconfigFile = join(directory, 'config');
    writeFileSync(kubeconfigFile, fake.kubeconfig('certificate', { name: 'webshop' }));
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(directory, { recursive: true, force: true });
  });
  afterEach(() => fake.setFaults(NO_FAULTS));

  it('collects the live cluster and reports the same findings as a scan of its objects as files', async () => {
    const live = await kubeassay(['scan', '--kubeconfig', kubeconfigFile, '--format', 'json']);
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    const report = JSON.parse(live.stdout) as JsonReport;
    expect(report.findings.some((finding) => finding.resource.namespace === 'shop')).toBe(true);
    const files = join(directory, 'objects.json');
    writeFileSync(files, JSON.stringify(loadScenarioFixture('webshop')));
    const offline = JSON.parse((await kubeassay(['scan', files, '--format', 'json'])).stdout) as JsonReport;
    const identity = (finding: JsonReport['findings'][number]) =>
      JSON.stringify([finding.check, finding.resource]);
    expect(report.findings.map(identity).sort()).toEqual(offline.findings.map(identity).sort());
  });

  it('lists only what the selected checks read', async () => {
    const before = fake.requests.length;
    const run = await kubeassay(['scan', '--kubeconfig', kubeconfigFile, '--check', 'rbac-wildcard-rules']);
    expect(run.code).toBe(0);
    const listed = new Set(
      fake.requests
        .slice(before)
        .map((request) => request.path)
        .filter((path) => /^\/apis?\/.+\/[a-z]+$/.test(path) && !/^\/apis\/[^/]+\/[^/]+$/.test(path)),
    );
    expect(listed.size).toBeGreaterThan(0);
    expect([...listed].filter((path) => !path.includes('rbac.authorization.k8s.io'))).toEqual([]);
  });

  it('says on stderr what it could not read, and leaves those checks not evaluated', async () => {
    fake.setFaults({ forbidden: ['rolebindings'] });
    const run = await kubeassay(['scan', '--kubeconfig', kubeconfigFile, '--format', 'json']);
    expect(run.stderr).toMatch(/coverage gap: RoleBinding: forbidden \(403\)/);
    const report = JSON.parse(run.stdout) as JsonReport;
    const notEvaluated = report.checks.filter((check) =>
      check.reason?.includes('RoleBinding could not be read'),
    );
    expect(notEvaluated.length).toBeGreaterThan(0);
    expect(notEvaluated.every((check) => check.status === 'not_evaluated')).toBe(true);
  });

  it('answers usage errors with exit code 2', async () => {
    const unknownContext = await kubeassay(['scan', '--kubeconfig', kubeconfigFile, '--context', 'nope']);
    expect(unknownContext.code).toBe(2);
    expect(unknownContext.stderr).toMatch(/no context named nope/);
    const both = await kubeassay(['scan', 'examples', '--kubeconfig', kubeconfigFile]);
    expect(both.code).toBe(2);
    const contextAlone = await kubeassay(['scan', 'examples', '--context', 'webshop']);
    expect(contextAlone.code).toBe(2);
  });
});
