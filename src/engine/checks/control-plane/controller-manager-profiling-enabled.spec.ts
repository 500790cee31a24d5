import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { controllerManagerProfilingEnabled } from './controller-manager-profiling-enabled';

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

describe('controller-manager-profiling-enabled', () => {
  it('reports a controller manager that leaves profiling on', () => {
    const { findings, result } = runCheck(
      controllerManagerProfilingEnabled,
      pod('kube-controller-manager', ['--use-service-account-credentials=true']),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings[0]).toMatchObject({
      resource: expect.objectContaining({ name: 'kube-controller-manager-cp-1' }) as unknown,
      container: 'kube-controller-manager',
      evidence: { path: 'spec.containers[0].command' },
    });
  });

  it('passes --profiling=false and does not look at the API server', () => {
    const manifests = `${pod('kube-controller-manager', ['--profiling=false'])}---${apiserver()}`;
    expect(runCheck(controllerManagerProfilingEnabled, manifests).findings).toEqual([]);
  });

  it('is not evaluated when no controller manager is visible', () => {
    expect(runCheck(controllerManagerProfilingEnabled, apiserver()).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
    expect(runCheck(controllerManagerProfilingEnabled, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
