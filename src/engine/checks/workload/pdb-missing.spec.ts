import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { pdbMissing } from './pdb-missing';

const workload = (kind: string, namespace: string, templateMetadata: string, replicas = '') => `
apiVersion: apps/v1
kind: ${kind}
metadata: {name: zk, namespace: ${namespace}, labels: {app: zk}}
spec:
  ${replicas}
  template:
    ${templateMetadata}
    spec: {containers: [{name: zk, image: "zookeeper:3.9"}]}
`;

const pdb = (namespace: string, matchLabels: string) => `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: zk, namespace: ${namespace}}
spec: {maxUnavailable: 1, selector: {matchLabels: ${matchLabels}}}
`;

describe('pdb-missing', () => {
  it('reports a Deployment that no budget selects, with its template labels as evidence', () => {
    const { findings, result } = runCheck(
      pdbMissing,
      workload('Deployment', 'data', 'metadata: {labels: {app: zk}}') + pdb('data', '{app: other}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'data', name: 'zk' },
      message: 'Deployment zk has no PodDisruptionBudget selecting its pods',
      evidence: { path: 'spec.template.metadata.labels', value: { app: 'zk' } },
    });
  });

  it('passes a Deployment or StatefulSet whose pods a budget of its namespace selects', () => {
    const labels = 'metadata: {labels: {app: zk, tier: data}}';
    expect(
      runCheck(pdbMissing, workload('Deployment', 'data', labels) + pdb('data', '{app: zk}')).findings,
    ).toEqual([]);
    expect(
      runCheck(pdbMissing, workload('StatefulSet', 'data', labels) + pdb('data', '{app: zk}')).result.status,
    ).toBe(CheckStatus.Passed);
  });

  it('does not count a budget in another namespace', () => {
    const yaml = workload('Deployment', 'data', 'metadata: {labels: {app: zk}}') + pdb('other', '{app: zk}');
    expect(runCheck(pdbMissing, yaml).findings).toHaveLength(1);
  });

  it('matches the pod template labels, not the labels of the Deployment itself', () => {
    const { findings } = runCheck(pdbMissing, workload('Deployment', 'data', '') + pdb('data', '{app: zk}'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.evidence).toEqual({ path: 'spec.template.metadata.labels' });
  });

  it('skips a workload scaled to zero', () => {
    expect(runCheck(pdbMissing, workload('Deployment', 'data', '', 'replicas: 0')).findings).toEqual([]);
  });

  it('is not evaluated when budgets could not be read', () => {
    const { result } = runCheck(pdbMissing, workload('Deployment', 'data', ''), {
      coverageGaps: [{ kind: 'PodDisruptionBudget', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
