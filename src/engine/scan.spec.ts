import { testMeta } from '../../test/support/check-meta';
import { parseManifests } from '../collectors/manifests/parse-manifests';
import { type Check, clusterCheck, objectCheck, workloadCheck } from './check';
import { CheckStatus } from './check-result';
import { NO_EXEMPTIONS } from './exemptions';
import { Severity } from './model';
import { scan } from './scan';

const hostNetwork = workloadCheck(testMeta('host-network-test'), {}, (workload) =>
  workload.podSpec.hostNetwork === true
    ? { message: 'uses host network', path: `${workload.specPath}.hostNetwork`, value: true }
    : undefined,
);

const manifests = `
apiVersion: v1
kind: Pod
metadata: {name: a, namespace: shop}
spec: {hostNetwork: true, containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: kube-system}
spec: {hostNetwork: true, containers: [{name: c, image: x}]}
---
apiVersion: v1
kind: Pod
metadata: {name: c, namespace: payments}
spec: {hostNetwork: false, containers: [{name: c, image: x}]}
`;

function objects(yaml = manifests) {
  return parseManifests(yaml, 'm.yaml').objects;
}

describe('scan', () => {
  it('exempts system namespaces by default and counts what it exempted', () => {
    const result = scan([hostNetwork], { objects: objects() });
    expect(result.findings.map((f) => f.resource.name)).toEqual(['a']);
    expect(result.checks[0]).toMatchObject({
      status: CheckStatus.Failed,
      findings: 1,
      exempted: 1,
      evaluated: 3,
    });
    expect(scan([hostNetwork], { objects: objects() }, { exemptions: NO_EXEMPTIONS }).findings).toHaveLength(
      2,
    );
  });

  it('does not exempt checks that inspect system components on purpose', () => {
    const systemCheck = workloadCheck(
      testMeta('system-test', { inspectsSystemComponents: true }),
      {},
      (workload) =>
        workload.podSpec.hostNetwork === true
          ? { message: 'uses host network', path: 'spec.hostNetwork' }
          : undefined,
    );
    expect(scan([systemCheck], { objects: objects() }).findings).toHaveLength(2);
  });

  it('scopes to included namespaces and drops excluded ones', () => {
    const included = scan([hostNetwork], { objects: objects() }, { namespaces: { include: ['payments'] } });
    expect(included.checks[0]).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
    const excluded = scan([hostNetwork], { objects: objects() }, { namespaces: { exclude: ['shop'] } });
    expect(excluded.findings).toEqual([]);
  });

  it('reports a check as not evaluated, never passed, when a kind it needs could not be read', () => {
    const needsPolicies = workloadCheck(
      testMeta('needs-policies'),
      { requires: ['NetworkPolicy'] },
      () => undefined,
    );
    const result = scan([needsPolicies], {
      objects: objects(),
      coverageGaps: [{ kind: 'NetworkPolicy', reason: 'forbidden (403)' }],
    });
    expect(result.checks[0]).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'NetworkPolicy could not be read: forbidden (403)',
    });
    expect(result.summary.checks.not_evaluated).toBe(1);
    expect(result.scores.overall.score).toBeNull();
  });

  it('gives findings fingerprints that are stable across runs and distinct per resource and scope', () => {
    const first = scan([hostNetwork], { objects: objects() }, { exemptions: NO_EXEMPTIONS });
    const again = scan([hostNetwork], { objects: objects() }, { exemptions: NO_EXEMPTIONS });
    const otherCluster = scan(
      [hostNetwork],
      { objects: objects() },
      { exemptions: NO_EXEMPTIONS, fingerprintScope: 'c2' },
    );
    const prints = first.findings.map((f) => f.fingerprint);
    expect(again.findings.map((f) => f.fingerprint)).toEqual(prints);
    expect(new Set(prints).size).toBe(2);
    expect(otherCluster.findings.map((f) => f.fingerprint)).not.toEqual(prints);
  });

  it('keeps fingerprints unique when a check reports the same detail twice', () => {
    const twice = workloadCheck(testMeta('twice'), {}, () => [
      { message: 'one', path: 'spec', detail: 'same' },
      { message: 'two', path: 'spec', detail: 'same' },
    ]);
    const result = scan([twice], { objects: objects() }, { namespaces: { include: ['shop'] } });
    expect(new Set(result.findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('turns a check crashing on a malformed object into an input error and keeps scanning', () => {
    const fragile = objectCheck(testMeta('fragile'), { kinds: ['Pod'] }, (pod) => {
      if (pod.metadata.name === 'a') {
        throw new TypeError('cannot read x');
      }
      return { message: 'found', path: 'metadata' };
    });
    const result = scan([fragile], { objects: objects() }, { exemptions: NO_EXEMPTIONS });
    expect(result.findings.map((f) => f.resource.name)).toEqual(['b', 'c']);
    expect(result.inputErrors).toEqual([
      expect.objectContaining({ code: 'CHECK_FAILED_ON_OBJECT', file: 'm.yaml', line: 2 }),
    ]);
  });

  it('is not applicable when nothing is of the kind a check reads, and a cluster check can refuse to evaluate', () => {
    const ingress = objectCheck(testMeta('ingress'), { kinds: ['Ingress'] }, () => undefined);
    const controlPlane = clusterCheck(
      testMeta('cp'),
      { precondition: () => 'control plane not visible' },
      () => undefined,
    );
    const result = scan([ingress, controlPlane], { objects: objects() });
    expect(result.checks.map((c) => [c.check, c.status, c.reason])).toEqual([
      ['ingress', CheckStatus.NotApplicable, undefined],
      ['cp', CheckStatus.NotEvaluated, 'control plane not visible'],
    ]);
  });

  it('scores each layer × phase cell and principle by severity-weighted passed checks', () => {
    const passing: Check = objectCheck(
      testMeta('passing', { severity: Severity.Critical }),
      { kinds: ['Pod'] },
      () => undefined,
    );
    const result = scan([hostNetwork, passing], { objects: objects() });
    expect(result.scores.matrix.application.runtime).toMatchObject({
      checks: { passed: 1, failed: 1, notEvaluated: 0, notApplicable: 0 },
      findings: { high: 1 },
      score: 66.7,
    });
    expect(result.scores.matrix.system.runtime.score).toBeNull();
    expect(result.scores.principles.isolation.score).toBe(66.7);
  });

  it('gives each framework the pass rate of the checks that cite it', () => {
    const cited = (id: string, passes: boolean) =>
      objectCheck(testMeta(id, { references: { cis: ['5.2.2'] } }), { kinds: ['Pod'] }, () =>
        passes ? undefined : { message: 'm', path: 'spec' },
      );
    const result = scan([cited('x', true), cited('y', true), cited('z', false)], { objects: objects() });
    expect(result.scores.frameworks.cis).toEqual({
      checks: { passed: 2, failed: 1, notEvaluated: 0, notApplicable: 0 },
      passRate: 2 / 3,
    });
    expect(result.scores.frameworks.mitre.passRate).toBeNull();
  });
});

describe('default exemptions', () => {
  it('exempt a system Namespace object by its own name', () => {
    const namespaces = objectCheck(testMeta('namespaces'), { kinds: ['Namespace'] }, () => ({
      message: 'm',
      path: 'metadata',
    }));
    const result = scan([namespaces], {
      objects: objects(
        'kind: Namespace\nmetadata: {name: kube-system}\n---\nkind: Namespace\nmetadata: {name: shop}\n',
      ),
    });
    expect(result.findings.map((finding) => finding.resource.name)).toEqual(['shop']);
    expect(result.checks[0]!.exempted).toBe(1);
  });
});
