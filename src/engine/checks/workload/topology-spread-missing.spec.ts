import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { topologySpreadMissing } from './topology-spread-missing';

const workload = (kind: string, podSpec: string) => `
apiVersion: apps/v1
kind: ${kind}
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec:
      ${podSpec}
      containers: [{name: app, image: "nginx:1.25"}]
`;

describe('topology-spread-missing', () => {
  it('reports a Deployment without spread constraints', () => {
    const { findings, result } = runCheck(topologySpreadMissing, workload('Deployment', ''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Deployment web has no topology spread constraint or pod anti-affinity',
      evidence: { path: 'spec.template.spec.topologySpreadConstraints' },
    });
  });

  it('reports an empty list of constraints with the value', () => {
    const { findings } = runCheck(
      topologySpreadMissing,
      workload('StatefulSet', 'topologySpreadConstraints: []'),
    );
    expect(findings[0]).toMatchObject({ evidence: { value: [] } });
  });

  it('passes a spread constraint or pod anti-affinity', () => {
    const spread =
      'topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}]';
    const antiAffinity =
      'affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, podAffinityTerm: {topologyKey: kubernetes.io/hostname}}]}}';
    expect(runCheck(topologySpreadMissing, workload('Deployment', spread)).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(topologySpreadMissing, workload('Deployment', antiAffinity)).findings).toEqual([]);
  });

  it('does not apply to DaemonSets or Jobs', () => {
    const yaml = `${workload('DaemonSet', '')}---
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: shop}
spec: {template: {spec: {restartPolicy: Never, containers: [{name: task, image: "task:1"}]}}}
`;
    expect(runCheck(topologySpreadMissing, yaml).result.status).toBe(CheckStatus.NotApplicable);
  });
});
