import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { pdbMinAvailableAboveHpaMin } from './pdb-min-available-above-hpa-min';

const objects = (
  minAvailable: string,
  minReplicas: string,
  options: { hpaTarget?: string; namespace?: string } = {},
) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: app, image: "nginx:1.25"}]}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web-pdb, namespace: ${options.namespace ?? 'shop'}}
spec: {${minAvailable}, selector: {matchLabels: {app: web}}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web-hpa, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${options.hpaTarget ?? 'web'}}
  ${minReplicas}
  maxReplicas: 20
`;

describe('pdb-min-available-above-hpa-min', () => {
  it('reports the budget when it demands more pods than the autoscaler floor', () => {
    const { findings, result } = runCheck(
      pdbMinAvailableAboveHpaMin,
      objects('minAvailable: 10', 'minReplicas: 5'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'PodDisruptionBudget', namespace: 'shop', name: 'web-pdb' },
      message:
        'PodDisruptionBudget web-pdb keeps 10 pods of Deployment web available, but HorizontalPodAutoscaler ' +
        'web-hpa may scale it down to 5',
      evidence: { path: 'spec.minAvailable', value: 10 },
    });
  });

  it('scales a percentage against the floor, rounding up', () => {
    expect(
      runCheck(pdbMinAvailableAboveHpaMin, objects('minAvailable: "150%"', 'minReplicas: 10')).findings,
    ).toHaveLength(1);
    expect(
      runCheck(pdbMinAvailableAboveHpaMin, objects('minAvailable: "50%"', 'minReplicas: 5')).findings,
    ).toEqual([]);
  });

  it('passes a budget at or below the floor, and a maxUnavailable budget', () => {
    expect(
      runCheck(pdbMinAvailableAboveHpaMin, objects('minAvailable: 5', 'minReplicas: 5')).result.status,
    ).toBe(CheckStatus.Passed);
    expect(
      runCheck(pdbMinAvailableAboveHpaMin, objects('maxUnavailable: 1', 'minReplicas: 1')).findings,
    ).toEqual([]);
  });

  it('takes a missing minReplicas for the 1 the API server defaults it to', () => {
    const { findings } = runCheck(pdbMinAvailableAboveHpaMin, objects('minAvailable: 2', ''));
    expect(findings[0]!.message).toContain('may scale it down to 1 (minReplicas is not set)');
  });

  it('needs the budget and the autoscaler to concern the same workload and namespace', () => {
    expect(
      runCheck(
        pdbMinAvailableAboveHpaMin,
        objects('minAvailable: 10', 'minReplicas: 5', { hpaTarget: 'api' }),
      ).findings,
    ).toEqual([]);
    expect(
      runCheck(
        pdbMinAvailableAboveHpaMin,
        objects('minAvailable: 10', 'minReplicas: 5', { namespace: 'blog' }),
      ).findings,
    ).toEqual([]);
  });

  it('is not evaluated when autoscalers could not be read', () => {
    const { result } = runCheck(pdbMinAvailableAboveHpaMin, objects('minAvailable: 10', 'minReplicas: 5'), {
      coverageGaps: [{ kind: 'HorizontalPodAutoscaler', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
