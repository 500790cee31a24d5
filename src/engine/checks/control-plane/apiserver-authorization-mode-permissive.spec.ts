import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverAuthorizationModePermissive } from './apiserver-authorization-mode-permissive';

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

const messages = (...flags: string[]) =>
  runCheck(apiserverAuthorizationModePermissive, apiserver(...flags)).findings.map(
    (finding) => finding.message,
  );

describe('apiserver-authorization-mode-permissive', () => {
  it('reports a missing --authorization-mode, which defaults to AlwaysAllow', () => {
    const { findings, result } = runCheck(
      apiserverAuthorizationModePermissive,
      apiserver('--anonymous-auth=false'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        evidence: { path: 'spec.containers[0].command' },
        message:
          'kube-apiserver kube-system/kube-apiserver-cp-1 does not set --authorization-mode: it defaults to AlwaysAllow',
      }),
    ]);
  });

  it('reports AlwaysAllow anywhere in the chain once, with the flag as evidence', () => {
    const { findings } = runCheck(
      apiserverAuthorizationModePermissive,
      apiserver('--authorization-mode=RBAC,AlwaysAllow'),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        evidence: { path: 'spec.containers[0].command[1]', value: '--authorization-mode=RBAC,AlwaysAllow' },
        message: 'kube-apiserver kube-system/kube-apiserver-cp-1 authorizes every request (AlwaysAllow)',
      }),
    ]);
  });

  it('reports a chain without RBAC and one without the Node authorizer', () => {
    expect(messages('--authorization-mode=Node,Webhook')).toEqual([
      expect.stringContaining(
        'does not use RBAC authorization (--authorization-mode=Node,Webhook)',
      ) as string,
    ]);
    expect(messages('--authorization-mode=RBAC')).toEqual([
      expect.stringContaining('does not use the Node authorizer') as string,
    ]);
  });

  it('gives the two findings of one pod distinct fingerprints', () => {
    const { findings } = runCheck(
      apiserverAuthorizationModePermissive,
      apiserver('--authorization-mode=ABAC'),
    );
    expect(findings).toHaveLength(2);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('passes Node,RBAC, also written as two words', () => {
    expect(messages('--authorization-mode=Node,RBAC')).toEqual([]);
    expect(messages('--authorization-mode', 'Node,RBAC,Webhook')).toEqual([]);
  });

  it('cannot judge a structured AuthorizationConfiguration file, and reports nothing', () => {
    expect(messages('--authorization-config=/etc/kubernetes/authz.yaml')).toEqual([]);
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverAuthorizationModePermissive, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
