import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverNodeRestrictionDisabled } from './apiserver-node-restriction-disabled';

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

describe('apiserver-node-restriction-disabled', () => {
  it('reports an API server that does not enable NodeRestriction', () => {
    const { findings, result } = runCheck(
      apiserverNodeRestrictionDisabled,
      apiserver('--enable-admission-plugins=PodSecurity'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        layer: 'system',
        phase: 'deploy',
        evidence: { path: 'spec.containers[0].command[1]', value: '--enable-admission-plugins=PodSecurity' },
        message:
          'kube-apiserver kube-system/kube-apiserver-cp-1 does not enable the NodeRestriction admission plugin: kubelets may modify other nodes and pods they do not run',
      }),
    ]);
  });

  it('passes the kubeadm default', () => {
    const { findings, result } = runCheck(
      apiserverNodeRestrictionDisabled,
      apiserver('--enable-admission-plugins=NodeRestriction'),
    );
    expect(findings).toEqual([]);
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverNodeRestrictionDisabled, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
