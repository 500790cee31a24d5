import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hpaMinReplicasBelowTwo } from './hpa-min-replicas-below-two';

const hpa = (minReplicas: string) => `
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  ${minReplicas}
  maxReplicas: 10
`;

describe('hpa-min-replicas-below-two', () => {
  it('reports a floor of one', () => {
    const { findings, result } = runCheck(hpaMinReplicasBelowTwo, hpa('minReplicas: 1'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'HorizontalPodAutoscaler', namespace: 'shop', name: 'web' },
      message: 'HorizontalPodAutoscaler web may scale down to 1 pod',
      evidence: { path: 'spec.minReplicas', value: 1 },
    });
  });

  it('leaves a missing floor on a Deployment target to deployment-replicas-below-two', () => {
    const { findings, result } = runCheck(hpaMinReplicasBelowTwo, hpa(''));
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
    expect(runCheck(hpaMinReplicasBelowTwo, hpa('minReplicas: null')).findings).toEqual([]);
  });

  it('reports a missing floor on any other target, which no replicas check covers', () => {
    const statefulSetHpa = hpa('').replace('kind: Deployment', 'kind: StatefulSet');
    const { findings } = runCheck(hpaMinReplicasBelowTwo, statefulSetHpa);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          namespace: 'shop',
          name: 'web',
        },
        message: 'HorizontalPodAutoscaler web sets no minReplicas, which defaults to 1',
        evidence: { path: 'spec.minReplicas' },
      }),
    ]);
  });

  it('reports an explicit floor of zero', () => {
    expect(runCheck(hpaMinReplicasBelowTwo, hpa('minReplicas: 0')).findings[0]).toMatchObject({
      message: 'HorizontalPodAutoscaler web may scale down to 0 pods',
      evidence: { path: 'spec.minReplicas', value: 0 },
    });
  });

  it('reports a malformed floor with its value', () => {
    expect(runCheck(hpaMinReplicasBelowTwo, hpa('minReplicas: two')).findings[0]).toMatchObject({
      evidence: { value: 'two' },
    });
  });

  it('passes a floor of two or more', () => {
    expect(runCheck(hpaMinReplicasBelowTwo, hpa('minReplicas: 2')).result.status).toBe(CheckStatus.Passed);
  });
});
