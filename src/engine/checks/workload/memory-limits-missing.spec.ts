import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { memoryLimitsMissing } from './memory-limits-missing';

const statefulSet = (resources: string, namespace = 'data') => `
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ${namespace}}
spec:
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16.4
          resources: ${resources}
      ephemeralContainers:
        - {name: debugger, image: "busybox:1.36"}
`;

const limitRange = (namespace: string) => `---
apiVersion: v1
kind: LimitRange
metadata: {name: defaults, namespace: ${namespace}}
spec: {limits: [{type: Container, default: {memory: 512Mi}}]}`;

describe('memory-limits-missing', () => {
  it('reports a container whose memory is unbounded, with a CPU limit set', () => {
    const { findings, result } = runCheck(memoryLimitsMissing, statefulSet('{limits: {cpu: 100m}}'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      container: 'postgres',
      resource: { kind: 'StatefulSet', namespace: 'data', name: 'db' },
      severity: 'medium',
      message: 'Container postgres has no memory limit',
      evidence: { path: 'spec.template.spec.containers[0].resources.limits.memory' },
    });
  });

  it('does not take a memory request for a limit', () => {
    expect(runCheck(memoryLimitsMissing, statefulSet('{requests: {memory: 1Gi}}')).findings).toHaveLength(1);
  });

  it('passes a memory limit', () => {
    const { findings, result } = runCheck(memoryLimitsMissing, statefulSet('{limits: {memory: 1Gi}}'));
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('honours a LimitRange default only in its own namespace', () => {
    expect(runCheck(memoryLimitsMissing, statefulSet('{}') + limitRange('data')).findings).toEqual([]);
    expect(runCheck(memoryLimitsMissing, statefulSet('{}') + limitRange('other')).findings).toHaveLength(1);
  });

  it('reports a malformed limit with its value', () => {
    const { findings } = runCheck(memoryLimitsMissing, statefulSet('{limits: {memory: [1Gi]}}'));
    expect(findings[0]).toMatchObject({
      message: 'Container postgres has a malformed memory limit',
      evidence: { value: ['1Gi'] },
    });
  });
});
