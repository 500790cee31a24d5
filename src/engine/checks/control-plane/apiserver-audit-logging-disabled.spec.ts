import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { apiserverAuditLoggingDisabled } from './apiserver-audit-logging-disabled';

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
  runCheck(apiserverAuditLoggingDisabled, apiserver(...flags)).findings.map((finding) => finding.message);

describe('apiserver-audit-logging-disabled', () => {
  it('reports an API server with neither audit policy nor backend once', () => {
    const { findings, result } = runCheck(apiserverAuditLoggingDisabled, apiserver('--profiling=false'));
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        container: 'kube-apiserver',
        evidence: { path: 'spec.containers[0].command' },
        message:
          'kube-apiserver kube-system/kube-apiserver-cp-1 has no audit policy and no audit backend: nothing is audited',
      }),
    ]);
  });

  it('reports a backend without a policy, and a policy without a backend', () => {
    expect(messages('--audit-log-path=/var/log/audit.log')).toEqual([
      expect.stringContaining('has no --audit-policy-file') as string,
    ]);
    expect(messages('--audit-policy-file=/etc/kubernetes/audit.yaml')).toEqual([
      expect.stringContaining('neither --audit-log-path nor --audit-webhook-config-file') as string,
    ]);
  });

  it('passes a policy with a log file or with a webhook backend', () => {
    expect(
      messages('--audit-policy-file=/etc/kubernetes/audit.yaml', '--audit-log-path=/var/log/audit.log'),
    ).toEqual([]);
    expect(
      messages(
        '--audit-policy-file=/etc/kubernetes/audit.yaml',
        '--audit-webhook-config-file=/etc/kubernetes/wh.yaml',
      ),
    ).toEqual([]);
  });

  it('reads flags given in args rather than command, and points there', () => {
    const manifest = apiserver().replace(
      '      command:\n        - kube-apiserver\n',
      '      command: [kube-apiserver]\n      args: [--audit-log-path=/var/log/a.log]\n',
    );
    const { findings } = runCheck(apiserverAuditLoggingDisabled, manifest);
    expect(findings[0]!.evidence.path).toBe('spec.containers[0].args');
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(apiserverAuditLoggingDisabled, managedCluster).result.status).toBe(
      CheckStatus.NotEvaluated,
    );
  });
});
