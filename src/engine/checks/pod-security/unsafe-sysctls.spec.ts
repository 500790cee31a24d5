import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { unsafeSysctls } from './unsafe-sysctls';

const statefulSet = (sysctls: unknown) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'shop' },
    spec: { template: { spec: { securityContext: { sysctls }, containers: [{ name: 'db' }] } } },
  });

describe('unsafe-sysctls', () => {
  it('reports each sysctl outside the safe set, on the workload', () => {
    const { findings, result } = runCheck(
      unsafeSysctls,
      statefulSet([
        { name: 'net.ipv4.tcp_syncookies', value: '1' },
        { name: 'kernel.msgmax', value: '65536' },
        { name: 'net.core.somaxconn', value: '1024' },
      ]),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.resource.kind, finding.container, finding.evidence])).toEqual([
      [
        'StatefulSet',
        undefined,
        { path: 'spec.template.spec.securityContext.sysctls[1].name', value: 'kernel.msgmax' },
      ],
      [
        'StatefulSet',
        undefined,
        { path: 'spec.template.spec.securityContext.sysctls[2].name', value: 'net.core.somaxconn' },
      ],
    ]);
    expect(findings[0]!.message).toBe('The pod sets the sysctl kernel.msgmax, which is outside the safe set');
  });

  it('passes every sysctl of the safe set, also written with slashes', () => {
    const { result } = runCheck(
      unsafeSysctls,
      statefulSet([
        { name: 'kernel.shm_rmid_forced', value: '1' },
        { name: 'net/ipv4/ip_local_port_range', value: '1024 65000' },
        { name: 'net.ipv4.ip_unprivileged_port_start', value: '80' },
        { name: 'net.ipv4.ping_group_range', value: '0 0' },
        { name: 'net.ipv4.ip_local_reserved_ports', value: '8080' },
        { name: 'net.ipv4.tcp_keepalive_time', value: '600' },
        { name: 'net.ipv4.tcp_fin_timeout', value: '30' },
        { name: 'net.ipv4.tcp_keepalive_intvl', value: '60' },
        { name: 'net.ipv4.tcp_keepalive_probes', value: '5' },
      ]),
    );
    expect(result.status).toBe(CheckStatus.Passed);
  });

  it('reads slash-separated names the way the kubelet does', () => {
    const { findings } = runCheck(
      unsafeSysctls,
      statefulSet([{ name: 'net/ipv4/conf/eth0.100/rp_filter', value: '0' }]),
    );
    expect(findings[0]!.evidence.value).toBe('net/ipv4/conf/eth0.100/rp_filter');
  });

  it('tolerates malformed sysctl lists and entries', () => {
    for (const sysctls of [
      'kernel.msgmax=1',
      { name: 'kernel.msgmax' },
      [null, { value: '1' }, { name: 7 }],
    ]) {
      expect(runCheck(unsafeSysctls, statefulSet(sysctls)).result.status).toBe(CheckStatus.Passed);
    }
  });
});
