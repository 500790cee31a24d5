import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { kubernetesVersionEndOfLife } from './kubernetes-version-end-of-life';

const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

const apiServerPod = (image: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver-cp-1
  namespace: kube-system
  labels: {component: kube-apiserver, tier: control-plane}
spec:
  containers:
    - name: kube-apiserver
      image: ${image}
`;

const node = (name: string, kubeletVersion: string) =>
  `apiVersion: v1\nkind: Node\nmetadata: {name: ${name}}\nstatus:\n  nodeInfo: {kubeletVersion: ${kubeletVersion}}\n`;

describe('kubernetes-version-end-of-life', () => {
  it('reports a cluster whose server version is past end of life, on the cluster', () => {
    const { findings, result } = runCheck(kubernetesVersionEndOfLife, namespace, {
      clusterVersion: 'v1.29.4-eks-036c24b',
    });
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Cluster', name: 'cluster' },
        layer: 'orchestrator',
        phase: 'distribute',
        evidence: { path: 'version', value: 'v1.29.4-eks-036c24b' },
        message:
          'Kubernetes 1.29 (v1.29.4-eks-036c24b, from the API server) reached upstream end of life on 2025-02-28 (support data as of 2026-11-27)',
      }),
    ]);
  });

  it('passes a supported version and versions newer than the data knows', () => {
    expect(runCheck(kubernetesVersionEndOfLife, namespace, { clusterVersion: 'v1.35.1' }).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(kubernetesVersionEndOfLife, namespace, { clusterVersion: 'v1.41.0' }).findings).toEqual(
      [],
    );
  });

  it('reads the version from the kube-apiserver image when the server version is unknown', () => {
    const { findings } = runCheck(
      kubernetesVersionEndOfLife,
      apiServerPod('registry.k8s.io/kube-apiserver:v1.27.16'),
    );
    expect(findings[0]!.message).toContain(
      'from the kube-apiserver image of kube-system/kube-apiserver-cp-1',
    );
  });

  it('falls back to the newest kubelet', () => {
    const { findings } = runCheck(
      kubernetesVersionEndOfLife,
      `${node('a', 'v1.30.4')}---\n${node('b', 'v1.33.1')}`,
    );
    expect(findings[0]!.message).toContain('Kubernetes 1.33 (v1.33.1, from the newest kubelet (Node b))');
  });

  it('words very old releases as before the first date it knows', () => {
    const { findings } = runCheck(kubernetesVersionEndOfLife, namespace, { clusterVersion: 'v1.15.0' });
    expect(findings[0]!.message).toContain('reached upstream end of life before 2021-10-28');
  });

  it('is not evaluated when nothing says which version the cluster runs', () => {
    const { result } = runCheck(kubernetesVersionEndOfLife, namespace);
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason:
        'the cluster version is not known: no server version, kube-apiserver pod or Node in the inventory',
    });
  });
});
