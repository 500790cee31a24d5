import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverTokenAuthFile } from './apiserver-token-auth-file';

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

describe('apiserver-token-auth-file', () => {
  it('reports a static token file with the flag as evidence', () => {
    const { findings, result } = runCheck(
      apiserverTokenAuthFile,
      apiserver('--token-auth-file=/etc/kubernetes/tokens.csv'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        evidence: {
          path: 'spec.containers[0].command[1]',
          value: '--token-auth-file=/etc/kubernetes/tokens.csv',
        },
        message:
          'kube-apiserver kube-system/kube-apiserver-cp-1 authenticates static tokens from /etc/kubernetes/tokens.csv',
      }),
    ]);
  });

  it('reads the two-word form', () => {
    const { findings } = runCheck(apiserverTokenAuthFile, apiserver('--token-auth-file', '/srv/tokens.csv'));
    expect(findings[0]!.message).toContain('from /srv/tokens.csv');
  });

  it('passes an API server without static tokens, or with the flag emptied', () => {
    expect(runCheck(apiserverTokenAuthFile, apiserver('--anonymous-auth=false')).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(runCheck(apiserverTokenAuthFile, apiserver('--token-auth-file=')).findings).toEqual([]);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverTokenAuthFile, managedCluster).result.status).toBe(CheckStatus.NotEvaluated);
  });
});
