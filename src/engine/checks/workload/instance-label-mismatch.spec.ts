import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { instanceLabelMismatch } from './instance-label-mismatch';

const deployment = (labels: string) => `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: ${labels}}
spec:
  template:
    metadata: {labels: {app.kubernetes.io/instance: web}}
    spec: {containers: [{name: app, image: "nginx:1.25"}]}
`;

describe('instance-label-mismatch', () => {
  it('reports a workload whose own instance label names something else', () => {
    const { findings, result } = runCheck(
      instanceLabelMismatch,
      deployment('{app.kubernetes.io/instance: shop}'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      message: 'Deployment web has app.kubernetes.io/instance shop, not its name',
      evidence: { path: 'metadata.labels["app.kubernetes.io/instance"]', value: 'shop' },
    });
  });

  it('reads the labels of the workload object, not of its pod template', () => {
    const { findings } = runCheck(instanceLabelMismatch, deployment('{app: web}'));
    expect(findings[0]).toMatchObject({ message: 'Deployment web has no app.kubernetes.io/instance label' });
  });

  it('passes a matching label', () => {
    const { result } = runCheck(instanceLabelMismatch, deployment('{app.kubernetes.io/instance: web}'));
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('skips a pod that has only a generated name', () => {
    const pod = `
apiVersion: v1
kind: Pod
metadata: {generateName: web-, namespace: shop}
spec: {containers: [{name: app, image: "nginx:1.25"}]}
`;
    expect(runCheck(instanceLabelMismatch, pod).findings).toEqual([]);
  });
});
