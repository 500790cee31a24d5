import { deploymentWorkload } from '../../../../../test/support/workload-factory';
import { hostPathVolumes, isSameOrUnder, normalizeHostPath } from './host-paths';

describe('host paths', () => {
  it('normalizes slashes, dot segments and /var/run', () => {
    expect(normalizeHostPath('/var/lib/kubelet/')).toBe('/var/lib/kubelet');
    expect(normalizeHostPath('//opt/./data/../../etc')).toBe('/etc');
    expect(normalizeHostPath('/var/run/docker.sock')).toBe('/run/docker.sock');
    expect(normalizeHostPath('/var/runner')).toBe('/var/runner');
    expect(normalizeHostPath('/../..')).toBe('/');
    expect(normalizeHostPath('etc')).toBe('/etc');
  });

  it('compares paths by whole segments', () => {
    expect(isSameOrUnder('/etc/kubernetes', '/etc')).toBe(true);
    expect(isSameOrUnder('/etcetera', '/etc')).toBe(false);
    expect(isSameOrUnder('/anything', '/')).toBe(true);
  });

  it('lists hostPath volumes once per workload, tolerating malformed entries', () => {
    const workload = deploymentWorkload({
      containers: [],
      volumes: [
        { name: 'logs', hostPath: { path: '/var/log/' } },
        { name: 'cache', emptyDir: {} },
        'not-a-volume',
        { name: 'bare', hostPath: {} },
      ],
    });
    const volumes = hostPathVolumes(workload);
    expect(volumes).toEqual([
      {
        name: 'logs',
        path: '/var/log/',
        normalizedPath: '/var/log',
        evidencePath: 'spec.template.spec.volumes[0].hostPath.path',
      },
      {
        name: 'bare',
        path: '',
        normalizedPath: undefined,
        evidencePath: 'spec.template.spec.volumes[3].hostPath',
      },
    ]);
    expect(hostPathVolumes(workload)).toBe(volumes);
  });
});
