import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { livenessProbeMissing } from './liveness-probe-missing';

const deployment = (probe: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    spec:
      initContainers: [{name: setup, image: "busybox:1.36"}]
      containers:
        - name: app
          image: nginx:1.25
          ${probe}
`;

describe('liveness-probe-missing', () => {
  it('reports an app container without a liveness probe, not its init container', () => {
    const { findings, result } = runCheck(livenessProbeMissing, deployment(''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Container app has no liveness probe',
      evidence: { path: 'spec.template.spec.containers[0].livenessProbe' },
    });
  });

  it('passes a liveness probe with a handler', () => {
    const { result } = runCheck(livenessProbeMissing, deployment('livenessProbe: {tcpSocket: {port: 80}}'));
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('reports a probe without a handler, which the API server would reject', () => {
    const { findings } = runCheck(livenessProbeMissing, deployment('livenessProbe: {periodSeconds: 5}'));
    expect(findings[0]).toMatchObject({ evidence: { value: { periodSeconds: 5 } } });
  });

  it('is not applicable to Jobs and run-to-completion pods', () => {
    const job = `
apiVersion: batch/v1
kind: Job
metadata: {name: once, namespace: shop}
spec: {template: {spec: {restartPolicy: Never, containers: [{name: task, image: "task:1"}]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: oneoff, namespace: shop}
spec: {restartPolicy: Never, containers: [{name: task, image: "task:1"}]}
`;
    expect(runCheck(livenessProbeMissing, job).result.status).toBe(CheckStatus.NotApplicable);
  });
});
