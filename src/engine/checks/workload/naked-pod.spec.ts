import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { nakedPod } from './naked-pod';

const pod = (owners: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
  ${owners}
spec: {containers: [{name: shell, image: "busybox:1.36"}]}
`;

describe('naked-pod', () => {
  it('reports a pod without owner', () => {
    const { findings, result } = runCheck(nakedPod, pod(''));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: { kind: 'Pod', namespace: 'shop', name: 'debug' },
      message: 'Pod debug is not managed by a controller',
      evidence: { path: 'metadata.ownerReferences' },
    });
  });

  it('reports a pod whose owners are not controllers', () => {
    const { findings } = runCheck(nakedPod, pod('ownerReferences: [{kind: ConfigMap, name: c, uid: u1}]'));
    expect(findings).toHaveLength(1);
  });

  it('passes a pod owned by a controller, even one missing from the inventory', () => {
    const owned = pod('ownerReferences: [{kind: ReplicaSet, name: web-1, uid: r1, controller: true}]');
    expect(runCheck(nakedPod, owned).result.status).toBe(CheckStatus.Passed);
  });

  it('is not applicable without pods', () => {
    const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {spec: {containers: [{name: app, image: "nginx:1.25"}]}}}
`;
    expect(runCheck(nakedPod, deployment).result.status).toBe(CheckStatus.NotApplicable);
  });
});
