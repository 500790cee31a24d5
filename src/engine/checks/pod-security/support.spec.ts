import { ContainerRole, type ContainerView, toWorkload, type Workload } from '../../inventory/workloads';
import type { Container, KubeObject } from '../../kube-types';
import {
  addedCapabilities,
  Confinement,
  droppedCapabilities,
  dropsAllDefaultCapabilities,
  effectiveAppArmor,
  effectiveSeccomp,
  hostPathVolumes,
  isRootId,
  isSameOrUnder,
  isSwitchedOn,
  isWindowsPod,
  kubernetesMinor,
  normalizeCapability,
  normalizeHostPath,
  podAnnotation,
  podMetadataPath,
  podSwitchViolation,
} from './support';

function workloadOf(object: Record<string, unknown>): Workload {
  const workload = toWorkload({ metadata: { name: 'web', namespace: 'shop' }, ...object } as KubeObject);
  if (!workload) {
    throw new Error('not a workload');
  }
  return workload;
}

function deployment(podSpec: object, templateMetadata: object = {}): Workload {
  return workloadOf({
    kind: 'Deployment',
    spec: { template: { metadata: templateMetadata, spec: podSpec } },
  });
}

function appView(workload: Workload): ContainerView {
  const view = workload.containers.find((candidate) => candidate.role === ContainerRole.Container);
  if (!view) {
    throw new Error('no app container');
  }
  return view;
}

describe('pod-security support', () => {
  describe('podMetadataPath and podAnnotation', () => {
    it('points at the template metadata of controllers and at the metadata of bare pods', () => {
      expect(podMetadataPath(deployment({ containers: [] }))).toBe('spec.template.metadata');
      const cronJob = workloadOf({
        kind: 'CronJob',
        spec: { jobTemplate: { spec: { template: { spec: { containers: [] } } } } },
      });
      expect(podMetadataPath(cronJob)).toBe('spec.jobTemplate.spec.template.metadata');
      expect(podMetadataPath(workloadOf({ kind: 'Pod', spec: { containers: [] } }))).toBe('metadata');
    });

    it('reads string annotations with a quoted evidence path and ignores malformed ones', () => {
      const workload = deployment({ containers: [] }, { annotations: { 'a.io/b': 'x', 'a.io/n': 3 } });
      expect(podAnnotation(workload, 'a.io/b')).toEqual({
        value: 'x',
        path: 'spec.template.metadata.annotations["a.io/b"]',
      });
      expect(podAnnotation(workload, 'a.io/n')).toBeUndefined();
      expect(
        podAnnotation(deployment({ containers: [] }, { annotations: 'oops' }), 'a.io/b'),
      ).toBeUndefined();
    });
  });

  it('parses the Kubernetes minor version from the forms providers report', () => {
    expect(kubernetesMinor('v1.29.4')).toBe(29);
    expect(kubernetesMinor('1.27')).toBe(27);
    expect(kubernetesMinor('v1.30.2-gke.1587003')).toBe(30);
    expect(kubernetesMinor(undefined)).toBeUndefined();
    expect(kubernetesMinor('unknown')).toBeUndefined();
  });

  it('reads quoted "true" as switched on, anything else as off', () => {
    expect(isSwitchedOn(true)).toBe(true);
    expect(isSwitchedOn('True')).toBe(true);
    expect(isSwitchedOn(false)).toBe(false);
    expect(isSwitchedOn('yes')).toBe(false);
    expect(isSwitchedOn(1)).toBe(false);
  });

  it('reads root ids, Windows pods and pod-level switches', () => {
    expect([0, '0', ' 0 ', 1, '', undefined].map(isRootId)).toEqual([true, true, true, false, false, false]);
    expect(isWindowsPod(deployment({ os: { name: 'Windows' }, containers: [] }))).toBe(true);
    expect(isWindowsPod(deployment({ os: 'windows', containers: [] }))).toBe(false);
    expect(podSwitchViolation(deployment({ hostPID: true, containers: [] }), 'hostPID', 'shared')).toEqual({
      message: 'shared',
      path: 'spec.template.spec.hostPID',
      value: true,
    });
    expect(
      podSwitchViolation(deployment({ hostPID: false, containers: [] }), 'hostPID', 'shared'),
    ).toBeUndefined();
  });

  describe('capabilities', () => {
    it('normalizes case and the CAP_ prefix', () => {
      expect(normalizeCapability('cap_sys_admin')).toBe('SYS_ADMIN');
      expect(normalizeCapability(' Net_Admin ')).toBe('NET_ADMIN');
    });

    it('lists added capabilities once each, with their evidence paths, and reads a bare string as a list', () => {
      const listed = appView(
        deployment({
          containers: [
            {
              name: 'app',
              securityContext: { capabilities: { add: ['SYS_ADMIN', 7, 'cap_sys_admin', 'bpf'] } },
            },
          ],
        }),
      );
      expect(addedCapabilities(listed)).toEqual([
        {
          name: 'SYS_ADMIN',
          raw: 'SYS_ADMIN',
          path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
        },
        {
          name: 'BPF',
          raw: 'bpf',
          path: 'spec.template.spec.containers[0].securityContext.capabilities.add[3]',
        },
      ]);
      const bare = appView(
        deployment({
          containers: [{ name: 'app', securityContext: { capabilities: { add: 'NET_ADMIN' } } }],
        }),
      );
      expect(addedCapabilities(bare).map((capability) => capability.name)).toEqual(['NET_ADMIN']);
    });

    it('counts only a well-formed drop list', () => {
      const container = (drop: unknown) =>
        ({ name: 'app', securityContext: { capabilities: { drop } } }) as Container;
      expect([...droppedCapabilities(container(['all', 'CAP_NET_RAW']))]).toEqual(['ALL', 'NET_RAW']);
      expect(droppedCapabilities(container('ALL')).size).toBe(0);
      expect(dropsAllDefaultCapabilities(container(['All']))).toBe(true);
      expect(dropsAllDefaultCapabilities(container(['NET_RAW', 'CHOWN']))).toBe(false);
    });
  });

  describe('effectiveSeccomp', () => {
    const withProfiles = (pod: unknown, container: unknown, annotations: object = {}) =>
      deployment(
        {
          securityContext: { seccompProfile: pod },
          containers: [{ name: 'app', securityContext: { seccompProfile: container } }],
        },
        { annotations },
      );

    it('lets the container field override the pod field', () => {
      const workload = withProfiles({ type: 'RuntimeDefault' }, { type: 'Unconfined' });
      expect(effectiveSeccomp(workload, appView(workload))).toEqual({
        confinement: Confinement.Unconfined,
        path: 'spec.template.spec.containers[0].securityContext.seccompProfile.type',
        value: 'Unconfined',
      });
    });

    it('inherits the pod field and reports a profile without a known type as invalid', () => {
      const inherited = withProfiles({ type: 'Localhost', localhostProfile: 'p.json' }, null);
      expect(effectiveSeccomp(inherited, appView(inherited)).confinement).toBe(Confinement.Confined);
      const typeless = withProfiles(null, {});
      expect(effectiveSeccomp(typeless, appView(typeless)).confinement).toBe(Confinement.Invalid);
      const unset = withProfiles(null, null);
      expect(effectiveSeccomp(unset, appView(unset))).toEqual({
        confinement: Confinement.Unset,
        path: 'spec.template.spec.containers[0].securityContext.seccompProfile',
      });
    });

    it('honours the legacy annotations before 1.27 and when the version is unknown, container annotation first', () => {
      const workload = withProfiles({ type: 'RuntimeDefault' }, null, {
        'container.seccomp.security.alpha.kubernetes.io/app': 'unconfined',
      });
      expect(effectiveSeccomp(workload, appView(workload)).confinement).toBe(Confinement.Unconfined);
      expect(effectiveSeccomp(workload, appView(workload), 'v1.26.3').confinement).toBe(
        Confinement.Unconfined,
      );
      expect(effectiveSeccomp(workload, appView(workload), 'v1.27.0').confinement).toBe(Confinement.Confined);
      const podAnnotated = withProfiles(null, null, {
        'seccomp.security.alpha.kubernetes.io/pod': 'docker/default',
      });
      expect(effectiveSeccomp(podAnnotated, appView(podAnnotated)).confinement).toBe(Confinement.Confined);
      expect(effectiveSeccomp(podAnnotated, appView(podAnnotated), 'v1.28.1').confinement).toBe(
        Confinement.Unset,
      );
    });
  });

  describe('effectiveAppArmor', () => {
    it('resolves container field, then container annotation, then pod field', () => {
      const annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' };
      const annotated = deployment(
        { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app' }] },
        { annotations },
      );
      expect(effectiveAppArmor(annotated, appView(annotated))).toEqual({
        confinement: Confinement.Unconfined,
        path: 'spec.template.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]',
        value: 'unconfined',
      });
      const overridden = deployment(
        {
          containers: [
            {
              name: 'app',
              securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-app' } },
            },
          ],
        },
        { annotations },
      );
      expect(effectiveAppArmor(overridden, appView(overridden)).confinement).toBe(Confinement.Confined);
      const none = deployment({ containers: [{ name: 'app' }] });
      expect(effectiveAppArmor(none, appView(none)).confinement).toBe(Confinement.Unset);
    });
  });

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
      const workload = deployment({
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
});
