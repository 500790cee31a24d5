import { catalog } from '../../src/engine/checks/catalog';
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

/** The kinds the credentials may not list in this test, as the catalog names them. */
const FORBIDDEN_KINDS = ['NetworkPolicy', 'RoleBinding'];

/** From the catalog's own declarations: a check that reads one of the forbidden kinds cannot be judged. */
const CHECKS_NEEDING_FORBIDDEN = new Set(
  catalog
    .filter((check) => check.requires.some((kind) => FORBIDDEN_KINDS.includes(kind)))
    .map((check) => check.meta.id),
);

type CheckResult = NonNullable<Assessment['checkResults']>[number];

const resultsByCheck = (assessment: Assessment) =>
  new Map((assessment.checkResults ?? []).map((result) => [result.check, result]));

const findingKey = (finding: Finding) =>
  [
    finding.check,
    finding.resource.kind,
    finding.resource.namespace ?? '',
    finding.resource.name,
    finding.container ?? '',
    finding.message,
  ].join(' | ');

/**
 * A live cluster whose credentials may not list RoleBindings or NetworkPolicies: the gaps are reported, the checks
 * that needed those kinds are not evaluated (never passed), and everything else is judged as with full access.
 */
describe('coverage gaps of a live cluster', () => {
  let fake: FakeKube;
  let harness: LiveClusterHarness;
  let fullAccess: Assessment;
  let fullAccessFindings: Finding[];
  let gapped: Assessment;
  let gappedFindings: Finding[];

  beforeAll(async () => {
    fake = await startFakeKube({ objects: loadScenarioFixture('webshop') });
    harness = await startLiveClusterHarness();
    const clusterId = await registerFakeCluster(harness, fake, 'webshop');
    fullAccess = await assessCluster(harness, clusterId);
    fullAccessFindings = await allFindings(harness, fullAccess.id);
    fake.setFaults({ forbidden: ['rolebindings', 'networkpolicies'] });
    gapped = await assessCluster(harness, clusterId);
    gappedFindings = await allFindings(harness, gapped.id);
  });
  afterAll(async () => {
    await harness?.close();
    fake?.setFaults(NO_FAULTS);
    await fake?.stop();
  });

  it('derives a non-empty set of checks from the catalog, all of them judged when access is full', () => {
    expect(CHECKS_NEEDING_FORBIDDEN.size).toBeGreaterThan(0);
    expect(fullAccess.status).toBe('succeeded');
    expect(fullAccess.coverageGaps).toEqual([]);
    const results = resultsByCheck(fullAccess);
    for (const check of CHECKS_NEEDING_FORBIDDEN) {
      expect([check, results.get(check)?.status]).not.toEqual([check, 'not_evaluated']);
    }
  });

  it('succeeds and lists exactly both kinds as coverage gaps, with a reason', () => {
    expect([gapped.status, gapped.failure]).toEqual(['succeeded', null]);
    expect(gapped.coverageGaps.map((gap) => gap.kind).sort()).toEqual(FORBIDDEN_KINDS);
    for (const gap of gapped.coverageGaps) {
      expect(gap.reason).toMatch(/403/);
    }
  });

  it('marks every check that needed a forbidden kind not_evaluated, with the kind in the reason', () => {
    const results = resultsByCheck(gapped);
    for (const check of CHECKS_NEEDING_FORBIDDEN) {
      const result: Partial<CheckResult> = results.get(check) ?? {};
      expect([check, result.status, result.findings]).toEqual([check, 'not_evaluated', 0]);
      expect(FORBIDDEN_KINDS.some((kind) => result.reason?.includes(kind))).toBe(true);
    }
    expect(gappedFindings.filter((finding) => CHECKS_NEEDING_FORBIDDEN.has(finding.check))).toEqual([]);
  });

  it('counts them in the summary as not evaluated', () => {
    const notEvaluated = gapped.checkResults!.filter((result) => result.status === 'not_evaluated');
    expect(gapped.summary!.checks.not_evaluated).toBe(notEvaluated.length);
    const newlyNotEvaluated = [...CHECKS_NEEDING_FORBIDDEN].filter(
      (check) => resultsByCheck(fullAccess).get(check)?.status !== 'not_evaluated',
    );
    expect(gapped.summary!.checks.not_evaluated).toBe(
      fullAccess.summary!.checks.not_evaluated + newlyNotEvaluated.length,
    );
  });

  it('judges every other check and reports its findings exactly as with full access', () => {
    const others = (assessment: Assessment) =>
      assessment.checkResults!.filter((result) => !CHECKS_NEEDING_FORBIDDEN.has(result.check));
    expect(others(gapped)).toEqual(others(fullAccess));
    const otherFindings = (findings: Finding[]) =>
      findings
        .filter((finding) => !CHECKS_NEEDING_FORBIDDEN.has(finding.check))
        .map(findingKey)
        .sort();
    expect(otherFindings(gappedFindings).length).toBeGreaterThan(0);
    expect(otherFindings(gappedFindings)).toEqual(otherFindings(fullAccessFindings));
  });
});
