import { runCheck } from '../../../../../test/support/check-harness';
import { testMeta } from '../../../../../test/support/check-meta';
import { appContainerView, deploymentWorkload } from '../../../../../test/support/workload-factory';
import type { Container } from '../../../kube-types';
import {
  addedCapabilities,
  addedCapabilityCheck,
  capabilityList,
  droppedCapabilities,
  dropsAllDefaultCapabilities,
  normalizeCapability,
} from './capabilities';

describe('capabilities', () => {
  it('normalizes case and the CAP_ prefix', () => {
    expect(normalizeCapability('cap_sys_admin')).toBe('SYS_ADMIN');
    expect(normalizeCapability(' Net_Admin ')).toBe('NET_ADMIN');
  });

  it('lists added capabilities once each, with their evidence paths, and reads a bare string as a list', () => {
    const listed = appContainerView(
      deploymentWorkload({
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
    const bare = appContainerView(
      deploymentWorkload({
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

  it('reads the add and drop lists as written', () => {
    const container = (capabilities: unknown) =>
      ({ name: 'app', securityContext: { capabilities } }) as Container;
    expect(capabilityList(container({ add: 'BPF', drop: [1] }), 'add')).toBe('BPF');
    expect(capabilityList(container({ add: 'BPF', drop: [1] }), 'drop')).toEqual([1]);
    expect(capabilityList(container('ALL'), 'drop')).toBeUndefined();
  });
});

describe('addedCapabilityCheck', () => {
  const check = addedCapabilityCheck(testMeta('capability-test'), (capability) =>
    capability.name === 'NET_BIND_SERVICE' ? undefined : `${capability.raw}!`,
  );
  const pod = (os: string) => `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop}
spec:
  os: {name: ${os}}
  initContainers:
    - {name: init, image: busybox, securityContext: {capabilities: {add: [NET_BIND_SERVICE, sys_time]}}}
  containers:
    - {name: app, image: nginx, securityContext: {capabilities: {add: [BPF]}}}
`;

  it('reports each judged capability of every container with its evidence', () => {
    const { findings } = runCheck(check, pod('linux'));
    expect(findings.map((finding) => [finding.message, finding.container, finding.evidence])).toEqual([
      [
        'Container init adds sys_time!',
        'init',
        { path: 'spec.initContainers[0].securityContext.capabilities.add[1]', value: 'sys_time' },
      ],
      [
        'Container app adds BPF!',
        'app',
        { path: 'spec.containers[0].securityContext.capabilities.add[0]', value: 'BPF' },
      ],
    ]);
  });

  it('leaves Windows pods alone', () => {
    expect(runCheck(check, pod('windows')).findings).toEqual([]);
  });
});
