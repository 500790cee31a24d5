import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hpaMaxReplicasInvalid } from './hpa-max-replicas-invalid';

const hpa = (replicas: string) => `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  ${replicas}
`;

describe('hpa-max-replicas-invalid', () => {
  it('reports a maximum equal to the minimum', () => {
    const { findings, result } = runCheck(hpaMaxReplicasInvalid, hpa('minReplicas: 5\n  maxReplicas: 5'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'web' },
      message: 'HorizontalPodAutoscaler web cannot scale up: maxReplicas 5 is not above minReplicas 5',
      evidence: { path: 'spec.maxReplicas', value: 5 },
    });
  });

  it('compares with the default minimum of 1 when none is set', () => {
    expect(runCheck(hpaMaxReplicasInvalid, hpa('maxReplicas: 1')).findings).toHaveLength(1);
    expect(runCheck(hpaMaxReplicasInvalid, hpa('maxReplicas: 10')).result.status).toBe(CheckStatus.Passed);
  });

  it('reports a missing or malformed maximum', () => {
    expect(runCheck(hpaMaxReplicasInvalid, hpa('minReplicas: 2')).findings[0]).toMatchObject({
      message: 'HorizontalPodAutoscaler web sets no maxReplicas',
      evidence: { path: 'spec.maxReplicas' },
    });
    expect(runCheck(hpaMaxReplicasInvalid, hpa('maxReplicas: ten')).findings[0]).toMatchObject({
      evidence: { value: 'ten' },
    });
  });

  it('is not applicable without autoscalers', () => {
    expect(runCheck(hpaMaxReplicasInvalid, 'kind: Namespace\nmetadata: {name: shop}\n').result.status).toBe(
      CheckStatus.NotApplicable,
    );
  });
});
