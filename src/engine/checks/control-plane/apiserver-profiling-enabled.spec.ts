import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverProfilingEnabled } from './apiserver-profiling-enabled';

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

describe('apiserver-profiling-enabled', () => {
  it('reports an API server that leaves profiling on by default', () => {
    const { findings, result } = runCheck(apiserverProfilingEnabled, apiserver());
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      evidence: { path: 'spec.containers[0].command' },
      message:
        'kube-apiserver kube-system/kube-apiserver-cp-1 does not set --profiling=false: profiling is on by default',
    });
  });

  it('reports --profiling=true with the flag as evidence', () => {
    expect(runCheck(apiserverProfilingEnabled, apiserver('--profiling=true')).findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].command[1]',
      value: '--profiling=true',
    });
  });

  it('passes --profiling=false and ignores the other components', () => {
    expect(runCheck(apiserverProfilingEnabled, apiserver('--profiling=false')).result.status).toBe(
      CheckStatus.Passed,
    );
    const { result } = runCheck(
      apiserverProfilingEnabled,
      `${apiserver('--profiling=false')}---${pod('kube-scheduler', [])}`,
    );
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
  });

  it('is not evaluated when only other components are visible', () => {
    const { result } = runCheck(apiserverProfilingEnabled, pod('etcd', []));
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: expect.stringContaining('kube-apiserver pods are not visible') as string,
    });
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverProfilingEnabled, managedCluster).result.status).toBe(CheckStatus.NotEvaluated);
  });
});
