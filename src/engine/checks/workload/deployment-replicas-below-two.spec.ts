import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { deploymentReplicasBelowTwo } from './deployment-replicas-below-two';

const deployment = (replicas: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  ${replicas}
  template: {spec: {containers: [{name: app, image: "nginx:1.25"}]}}
`;

const hpa = (name: string, minReplicas: string, target = 'web') => `---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: ${name}, namespace: shop}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}, ${minReplicas} maxReplicas: 6}
`;

describe('deployment-replicas-below-two', () => {
  it('reports a single replica with the field as evidence', () => {
    const { findings, result } = runCheck(deploymentReplicasBelowTwo, deployment('replicas: 1'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Deployment web runs a single replica',
      evidence: { path: 'spec.replicas', value: 1 },
    });
  });

  it('reports a missing count, which defaults to one', () => {
    const { findings } = runCheck(deploymentReplicasBelowTwo, deployment(''));
    expect(findings[0]).toMatchObject({
      message: 'Deployment web sets no replicas, so it runs a single pod',
    });
  });

  it('reports a malformed count', () => {
    const { findings } = runCheck(deploymentReplicasBelowTwo, deployment('replicas: "3"'));
    expect(findings[0]).toMatchObject({ evidence: { path: 'spec.replicas', value: '3' } });
  });

  it('passes two replicas or more, and a Deployment deliberately scaled to zero', () => {
    expect(runCheck(deploymentReplicasBelowTwo, deployment('replicas: 3')).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(deploymentReplicasBelowTwo, deployment('replicas: 0')).findings).toEqual([]);
  });

  it('leaves an autoscaler floor that is set, whatever its value, to hpa-min-replicas-below-two', () => {
    expect(
      runCheck(deploymentReplicasBelowTwo, deployment('') + hpa('web', 'minReplicas: 3,')).findings,
    ).toEqual([]);
    expect(
      runCheck(deploymentReplicasBelowTwo, deployment('replicas: 1') + hpa('web', 'minReplicas: 1,')).result
        .status,
    ).toBe(CheckStatus.Passed);
  });

  it('reports an autoscaler without minReplicas on the Deployment, pointing at the autoscaler field', () => {
    const { findings, result } = runCheck(
      deploymentReplicasBelowTwo,
      deployment('replicas: 4') + hpa('web-hpa', '') + hpa('other', '', 'api'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' },
        message:
          'Deployment web can scale down to 1 replica: its HorizontalPodAutoscaler web-hpa sets no minReplicas ' +
          '(the default is 1)',
        evidence: { path: 'HorizontalPodAutoscaler/web-hpa.spec.minReplicas' },
      }),
    ]);
  });

  it('reports only the autoscalers without a floor when several target the Deployment', () => {
    const manifests =
      deployment('') + hpa('with-floor', 'minReplicas: 2,') + hpa('no-floor', 'minReplicas: null,');
    expect(
      runCheck(deploymentReplicasBelowTwo, manifests).findings.map((finding) => finding.message),
    ).toEqual([
      'Deployment web can scale down to 1 replica: its HorizontalPodAutoscaler no-floor sets no minReplicas ' +
        '(the default is 1)',
    ]);
  });

  it('passes a Deployment scaled to zero even when an autoscaler without a floor targets it', () => {
    expect(runCheck(deploymentReplicasBelowTwo, deployment('replicas: 0') + hpa('web', '')).findings).toEqual(
      [],
    );
  });

  it('is not evaluated when Deployments could not be read', () => {
    const { result } = runCheck(deploymentReplicasBelowTwo, deployment('replicas: 1'), {
      coverageGaps: [{ kind: 'Deployment', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
