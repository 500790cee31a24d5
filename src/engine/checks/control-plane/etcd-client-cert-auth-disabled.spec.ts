import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { etcdClientCertAuthDisabled } from './etcd-client-cert-auth-disabled';

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

const etcd = (...flags: string[]) => pod('etcd', flags);

describe('etcd-client-cert-auth-disabled', () => {
  it('reports etcd without --client-cert-auth', () => {
    const { findings, result } = runCheck(
      etcdClientCertAuthDisabled,
      etcd('--cert-file=/etc/kubernetes/pki/etcd/server.crt'),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings).toEqual([
      expect.objectContaining({
        resource: expect.objectContaining({
          kind: 'Pod',
          namespace: 'kube-system',
          name: 'etcd-cp-1',
        }) as unknown,
        container: 'etcd',
        evidence: { path: 'spec.containers[0].command' },
        message:
          'etcd kube-system/etcd-cp-1 does not set --client-cert-auth=true: clients need no certificate by default',
      }),
    ]);
  });

  it('reports --client-cert-auth=false, and the same set through the environment', () => {
    expect(
      runCheck(etcdClientCertAuthDisabled, etcd('--client-cert-auth=false')).findings[0]!.evidence,
    ).toEqual({
      path: 'spec.containers[0].command[1]',
      value: '--client-cert-auth=false',
    });
    const withEnv = pod('etcd', [], '      env:\n        - {name: ETCD_CLIENT_CERT_AUTH, value: "false"}\n');
    expect(runCheck(etcdClientCertAuthDisabled, withEnv).findings[0]!.evidence).toEqual({
      path: 'spec.containers[0].env[0].value',
      value: 'ETCD_CLIENT_CERT_AUTH=false',
    });
  });

  it('passes --client-cert-auth=true, a bare --client-cert-auth and the environment variable', () => {
    expect(runCheck(etcdClientCertAuthDisabled, etcd('--client-cert-auth=true')).findings).toEqual([]);
    expect(runCheck(etcdClientCertAuthDisabled, etcd('--client-cert-auth')).findings).toEqual([]);
    const withEnv = pod('etcd', [], '      env:\n        - {name: ETCD_CLIENT_CERT_AUTH, value: "true"}\n');
    expect(runCheck(etcdClientCertAuthDisabled, withEnv).findings).toEqual([]);
  });

  it('cannot judge etcd reading a --config-file, and reports nothing', () => {
    expect(runCheck(etcdClientCertAuthDisabled, etcd('--config-file=/etc/etcd/etcd.yaml')).findings).toEqual(
      [],
    );
  });

  it('says so when the control plane is visible but etcd runs elsewhere', () => {
    const { result } = runCheck(
      etcdClientCertAuthDisabled,
      apiserver('--etcd-servers=https://10.0.0.5:2379'),
    );
    expect(result).toMatchObject({
      status: CheckStatus.NotEvaluated,
      reason: 'etcd pods are not visible (the component may run outside the cluster, e.g. an external etcd)',
    });
  });

  it('is not evaluated on a managed control plane', () => {
    expect(runCheck(etcdClientCertAuthDisabled, managedCluster).result.status).toBe(CheckStatus.NotEvaluated);
  });
});
