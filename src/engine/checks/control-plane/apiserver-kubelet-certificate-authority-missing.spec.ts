import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverKubeletCertificateAuthorityMissing } from './apiserver-kubelet-certificate-authority-missing';

const pod = (component: string, flags: string[], extra = '') => `
apiVersion: v1
kind: Pod
metadata:
  name: ${component}-cp-1
  namespace: kube-system
  labels: {component: ${component}, tier: control-plane}
spec:
  containers:
    - name: ${component}
      image: registry.k8s.io/${component}:v1.31.2
      command:
        - ${component}
${flags.map((flag) => `        - ${flag}`).join('\n')}
${extra}`;
const apiserver = (...flags: string[]) => pod('kube-apiserver', flags);
const managedCluster =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: coredns-1, namespace: kube-system}\nspec: {containers: [{name: coredns, image: coredns}]}\n';

describe('apiserver-kubelet-certificate-authority-missing', () => {
  it('reports an API server that does not verify kubelet certificates (the kubeadm default)', () => {
    const { findings, result } = runCheck(
      apiserverKubeletCertificateAuthorityMissing,
      apiserver('--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      evidence: { path: 'spec.containers[0].command' },
      message: expect.stringContaining('has no --kubelet-certificate-authority') as string,
    });
  });

  it('passes an API server with --kubelet-certificate-authority', () => {
    expect(
      runCheck(
        apiserverKubeletCertificateAuthorityMissing,
        apiserver('--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt'),
      ).findings,
    ).toEqual([]);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverKubeletCertificateAuthorityMissing, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
