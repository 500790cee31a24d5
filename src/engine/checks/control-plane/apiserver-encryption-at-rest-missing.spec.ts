import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverEncryptionAtRestMissing } from './apiserver-encryption-at-rest-missing';

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

describe('apiserver-encryption-at-rest-missing', () => {
  it('reports an API server without an encryption configuration', () => {
    const { findings, result } = runCheck(apiserverEncryptionAtRestMissing, apiserver('--profiling=false'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({ name: 'kube-apiserver-cp-1' }) as unknown,
        evidence: { path: 'spec.containers[0].command' },
        message: expect.stringContaining(
          'has no --encryption-provider-config: Secrets are stored unencrypted in etcd',
        ) as string,
      }),
    ]);
  });

  it('passes an API server with --encryption-provider-config', () => {
    const { findings, result } = runCheck(
      apiserverEncryptionAtRestMissing,
      apiserver('--encryption-provider-config=/etc/kubernetes/enc.yaml'),
    );
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
  });

  it('evaluates every API server replica', () => {
    const second = apiserver().replace('kube-apiserver-cp-1', 'kube-apiserver-cp-2');
    const { findings } = runCheck(
      apiserverEncryptionAtRestMissing,
      `${apiserver('--encryption-provider-config=/e.yaml')}---${second}`,
    );
    expect(findings.map((finding) => finding.resource.name)).toEqual(['kube-apiserver-cp-2']);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverEncryptionAtRestMissing, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
