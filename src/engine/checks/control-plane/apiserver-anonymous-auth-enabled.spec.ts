import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverAnonymousAuthEnabled } from './apiserver-anonymous-auth-enabled';

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

describe('apiserver-anonymous-auth-enabled', () => {
  it('reports an API server that leaves anonymous auth at its default, pointing at its command', () => {
    const { findings, result } = runCheck(
      apiserverAnonymousAuthEnabled,
      apiserver('--authorization-mode=Node,RBAC'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: { apiVersion: 'v1', kind: 'Pod', namespace: 'kube-system', name: 'kube-apiserver-cp-1' },
        container: 'kube-apiserver',
        evidence: { path: 'spec.containers[0].command' },
        message:
          'kube-apiserver kube-system/kube-apiserver-cp-1 does not set --anonymous-auth=false: anonymous requests are accepted by default',
        source: { file: 'test.yaml', line: 13 },
      }),
    ]);
  });

  it('reports --anonymous-auth=true with the flag as evidence', () => {
    const { findings } = runCheck(apiserverAnonymousAuthEnabled, apiserver('--anonymous-auth=true'));
    expect(findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].command[1]',
      value: '--anonymous-auth=true',
    });
    expect(findings[0]!.source?.line).toBe(14);
  });

  it('reads a bare --anonymous-auth as true', () => {
    expect(runCheck(apiserverAnonymousAuthEnabled, apiserver('--anonymous-auth')).findings).toHaveLength(1);
  });

  it('passes --anonymous-auth=false, also when a later flag sets it back', () => {
    expect(runCheck(apiserverAnonymousAuthEnabled, apiserver('--anonymous-auth=false')).result.status).toBe(
      CheckStatus.Passed,
    );
    expect(
      runCheck(apiserverAnonymousAuthEnabled, apiserver('--anonymous-auth=false', '--anonymous-auth=true'))
        .findings,
    ).toHaveLength(1);
  });

  it('cannot judge an API server configured by an AuthenticationConfiguration file, and reports nothing', () => {
    expect(
      runCheck(apiserverAnonymousAuthEnabled, apiserver('--authentication-config=/etc/kubernetes/authn.yaml'))
        .findings,
    ).toEqual([]);
  });

  it('is not evaluated when the control plane is not visible', () => {
    const { result } = runCheck(apiserverAnonymousAuthEnabled, managedCluster);
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason:
        'control plane static pods are not visible (managed control plane, or kube-system not collected)',
    });
  });

  it('is not exempted for living in kube-system', () => {
    expect(runCheck(apiserverAnonymousAuthEnabled, apiserver()).result).toMatchObject({
      findings: 1,
      exempted: 0,
    });
  });

  it('is not evaluated when pods could not be read', () => {
    const { result } = runCheck(apiserverAnonymousAuthEnabled, apiserver(), {
      coverageGaps: [{ kind: 'Pod', reason: 'forbidden' }],
    });
    expect(result.status).toBe(CheckStatus.NotEvaluated);
  });
});
