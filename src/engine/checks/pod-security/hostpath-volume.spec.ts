import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostpathVolume } from './hostpath-volume';

const daemonSet = (volumes: unknown) =>
  JSON.stringify({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'monitoring' },
    spec: { template: { spec: { containers: [{ name: 'agent' }], volumes } } },
  });

describe('hostpath-volume', () => {
  it('reports each hostPath volume with its path', () => {
    const { findings, result } = runCheck(
      hostpathVolume,
      daemonSet([
        { name: 'logs', hostPath: { path: '/var/log' } },
        { name: 'cache', emptyDir: {} },
        { name: 'bare', hostPath: {} },
      ]),
    );
    expect(result.status).toBe(CheckStatus.Failed);
    expect(findings.map((finding) => [finding.message, finding.evidence])).toEqual([
      [
        'The pod mounts the node path /var/log as volume logs',
        { path: 'spec.template.spec.volumes[0].hostPath.path', value: '/var/log' },
      ],
      [
        'The pod mounts the node path (no path) as volume bare',
        { path: 'spec.template.spec.volumes[2].hostPath' },
      ],
    ]);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('passes pods without hostPath volumes, and malformed volume lists', () => {
    for (const volumes of [
      [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      undefined,
      'hostPath',
    ]) {
      expect(runCheck(hostpathVolume, daemonSet(volumes)).result.status).toBe(CheckStatus.Passed);
    }
  });
});
