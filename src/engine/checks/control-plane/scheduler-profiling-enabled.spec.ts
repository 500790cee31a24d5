import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { schedulerProfilingEnabled } from './scheduler-profiling-enabled';

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

describe('scheduler-profiling-enabled', () => {
  it('reports a scheduler with profiling on, with the flag as evidence', () => {
    const { findings, result } = runCheck(schedulerProfilingEnabled, pod('kube-scheduler', ['--profiling']));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      evidence: { path: 'spec.containers[0].command[1]', value: '--profiling' },
      message: 'kube-scheduler kube-system/kube-scheduler-cp-1 serves profiling data (--profiling)',
    });
  });

  it('passes --profiling=false and does not look at the API server', () => {
    const manifests = `${pod('kube-scheduler', ['--profiling=false'])}---${apiserver()}`;
    const { findings, result } = runCheck(schedulerProfilingEnabled, manifests);
    expect(findings).toEqual([]);
    expect(result).toMatchObject({ status: CheckStatus.Passed, evaluated: 1 });
  });

  it('cannot judge a scheduler reading a --config file, where the flag is ignored, and reports nothing', () => {
    expect(
      runCheck(schedulerProfilingEnabled, pod('kube-scheduler', ['--config=/etc/kubernetes/sched.yaml']))
        .findings,
    ).toEqual([]);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(schedulerProfilingEnabled, managedCluster).result.status).toBe(CheckStatus.NotEvaluated);
  });
});
