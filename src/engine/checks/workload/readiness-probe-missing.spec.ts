import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { readinessProbeMissing } from './readiness-probe-missing';

const pod = (probe: string, restartPolicy = 'Always') => `
apiVersion: v1
kind: Pod
metadata: {name: api, namespace: shop}
spec:
  restartPolicy: ${restartPolicy}
  containers:
    - name: api
      image: api:3.1
      livenessProbe: {httpGet: {path: /healthz, port: 8080}}
      ${probe}
`;

describe('readiness-probe-missing', () => {
  it('reports a container with only a liveness probe', () => {
    const { findings, result } = runCheck(readinessProbeMissing, pod(''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      container: 'api',
      resource: { kind: 'Pod', namespace: 'shop', name: 'api' },
      message: 'Container api has no readiness probe',
      evidence: { path: 'spec.containers[0].readinessProbe' },
    });
  });

  it('passes a readiness probe', () => {
    const { findings } = runCheck(
      readinessProbeMissing,
      pod('readinessProbe: {exec: {command: [cat, /ready]}}'),
    );
    expect(findings).toEqual([]);
  });

  it('reports a malformed probe with its value', () => {
    const { findings } = runCheck(readinessProbeMissing, pod('readinessProbe: "/ready"'));
    expect(findings[0]).toMatchObject({ evidence: { value: '/ready' } });
  });

  it('is not applicable to a pod that runs to completion', () => {
    expect(runCheck(readinessProbeMissing, pod('', 'OnFailure')).result.status).toBe(
      CheckStatus.NotApplicable,
    );
  });
});
