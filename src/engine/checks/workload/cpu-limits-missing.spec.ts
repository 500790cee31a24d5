import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { cpuLimitsMissing } from './cpu-limits-missing';

const pod = (resources: string, podLevel = '') => `
apiVersion: v1
kind: Pod
metadata: {name: worker, namespace: jobs}
spec:
  ${podLevel}
  initContainers: [{name: setup, image: "busybox:1.36"}]
  containers:
    - name: app
      image: nginx:1.25
      resources: ${resources}
`;

describe('cpu-limits-missing', () => {
  it('reports a container without a CPU limit, even with a CPU request', () => {
    const { findings, result } = runCheck(
      cpuLimitsMissing,
      pod('{requests: {cpu: 100m}, limits: {memory: 128Mi}}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'app',
      resource: { kind: 'Pod', namespace: 'jobs', name: 'worker' },
      message: 'Container app has no CPU limit',
      evidence: { path: 'spec.containers[0].resources.limits.cpu' },
    });
  });

  it('passes a CPU limit on the container or on the pod', () => {
    expect(runCheck(cpuLimitsMissing, pod('{limits: {cpu: 500m}}')).result.status).toBe(CheckStatus.Passed);
    expect(runCheck(cpuLimitsMissing, pod('{}', 'resources: {limits: {cpu: "2"}}')).findings).toEqual([]);
  });

  it('passes containers capped by a LimitRange max, which becomes their default limit', () => {
    const limitRange = `---
apiVersion: v1
kind: LimitRange
metadata: {name: caps, namespace: jobs}
spec: {limits: [{type: Container, max: {cpu: "1"}}]}`;
    expect(runCheck(cpuLimitsMissing, pod('{}') + limitRange).findings).toEqual([]);
  });

  it('treats a malformed resources block as no limit', () => {
    const { findings } = runCheck(cpuLimitsMissing, pod('"lots"'));
    expect(findings[0]).toMatchObject({ evidence: { path: 'spec.containers[0].resources.limits.cpu' } });
  });
});
