import { runCheck } from '../../../../test/support/check-harness';
import { CheckStatus } from '../../check-result';
import { hostpathSensitivePath } from './hostpath-sensitive-path';

const pod = (...paths: string[]) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'agent', namespace: 'monitoring' },
    spec: {
      containers: [{ name: 'agent' }],
      volumes: paths.map((path, index) => ({ name: `host-${index}`, hostPath: { path } })),
    },
  });

const reported = (...paths: string[]) => runCheck(hostpathSensitivePath, pod(...paths)).findings;

describe('hostpath-sensitive-path', () => {
  it('reports a sensitive directory with what it holds', () => {
    const [finding] = reported('/var/lib/kubelet');
    expect(finding).toMatchObject({
      resource: { kind: 'Pod', name: 'agent' },
      message:
        "The pod mounts the node path /var/lib/kubelet, which holds every pod's secrets and volumes and the kubelet's credentials",
      evidence: { path: 'spec.volumes[0].hostPath.path', value: '/var/lib/kubelet' },
    });
    expect(finding).not.toHaveProperty('container');
  });

  it("reports the node's root filesystem", () => {
    expect(reported('/')[0]!.message).toBe(
      "The pod mounts the node path /, which is the node's whole filesystem",
    );
  });

  it('reports paths under a sensitive directory and parents that contain one', () => {
    const findings = reported('/etc/kubernetes/pki/', '/var/lib', '/proc/1/root');
    expect(findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('which reaches /etc: node configuration and credentials'),
      expect.stringContaining('which reaches /var/lib/kubelet'),
      expect.stringContaining('which reaches /proc'),
    ]);
  });

  it('normalizes dot segments, duplicate and trailing slashes before comparing', () => {
    expect(reported('/opt/../etc', '//root//', '/data/./../sys/')).toHaveLength(3);
  });

  it('passes application paths, /var/log, look-alike names and volumes without a path', () => {
    const { result } = runCheck(
      hostpathSensitivePath,
      pod('/var/log', '/opt/app-data', '/etcetera', '/mnt/disks/ssd0', ''),
    );
    expect(result.status).toBe(CheckStatus.Passed);
  });
});
