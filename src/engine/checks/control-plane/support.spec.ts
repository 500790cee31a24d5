import { Inventory } from '../../inventory/inventory';
import type { Container, KubeObject } from '../../kube-types';
import {
  admissionPluginOff,
  controlPlaneIndex,
  ControlPlaneComponent,
  flagsOf,
  parseFlags,
  profilingViolation,
  toComponentPod,
} from './support';

const tokens = (...texts: string[]) => texts.map((text, index) => ({ text, path: `command[${index}]` }));

const pod = (
  name: string,
  labels: Record<string, string>,
  containers: Container[],
  namespace = 'kube-system',
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers },
});

describe('control plane flag parsing', () => {
  it('reads --flag=value, --flag value and bare boolean flags with the item that holds them', () => {
    const flags = parseFlags(
      tokens(
        'kube-apiserver',
        '--authorization-mode=Node,RBAC',
        '--audit-log-path',
        '/var/log/audit.log',
        '--profiling',
      ),
      new Set(['profiling']),
    );
    expect(flags).toEqual([
      {
        name: 'authorization-mode',
        value: 'Node,RBAC',
        path: 'command[1]',
        written: '--authorization-mode=Node,RBAC',
      },
      {
        name: 'audit-log-path',
        value: '/var/log/audit.log',
        path: 'command[2]',
        written: '--audit-log-path',
      },
      { name: 'profiling', value: 'true', path: 'command[4]', written: '--profiling' },
    ]);
  });

  it('lets a boolean flag take only true/false as a separate value', () => {
    const flags = parseFlags(
      tokens('--anonymous-auth', 'false', '--profiling', 'extra'),
      new Set(['anonymous-auth', 'profiling']),
    );
    expect(flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['anonymous-auth', 'false'],
      ['profiling', 'true'],
    ]);
  });

  it('keeps an empty value as written and does not take the next flag as a value', () => {
    const flags = parseFlags(tokens('--token-auth-file=', '--audit-log-path', '--profiling=false'));
    expect(flags.map((flag) => [flag.name, flag.value])).toEqual([
      ['token-auth-file', ''],
      ['audit-log-path', 'true'],
      ['profiling', 'false'],
    ]);
  });

  it('uses the last occurrence of a flag and accumulates list flags', () => {
    const flags = flagsOf(
      {
        command: ['kube-apiserver', '--profiling=true', '--enable-admission-plugins=NodeRestriction'],
        args: ['--profiling=false', '--enable-admission-plugins= AlwaysPullImages'],
      },
      'spec.containers[0]',
    );
    expect(flags.last('profiling')).toMatchObject({ value: 'false', path: 'spec.containers[0].args[0]' });
    expect(flags.listValues('enable-admission-plugins')).toEqual(['NodeRestriction', 'AlwaysPullImages']);
    expect(flags.listPath).toBe('spec.containers[0].args');
  });

  it('splits a shell script into words and ignores malformed lists and items', () => {
    const script = flagsOf(
      { command: ['sh', '-c', 'exec kube-apiserver --anonymous-auth=false --profiling=false'] },
      'c',
    );
    expect(script.last('anonymous-auth')).toMatchObject({ value: 'false', path: 'c.command[2]' });
    const malformed = flagsOf(
      {
        command: 'kube-apiserver --profiling=false' as unknown as string[],
        args: [3, null] as unknown as string[],
      },
      'c',
    );
    expect(malformed.occurrences).toEqual([]);
    expect(malformed.listPath).toBe('c.command');
  });

  it('reads environment variables as written, for etcd', () => {
    const flags = flagsOf(
      { command: ['etcd'], env: [{ name: 'ETCD_CLIENT_CERT_AUTH', value: 'false' }, { name: 'X' }] },
      'c',
    );
    expect(flags.envVariable('ETCD_CLIENT_CERT_AUTH')).toEqual({
      name: 'ETCD_CLIENT_CERT_AUTH',
      value: 'false',
      path: 'c.env[0].value',
      written: 'ETCD_CLIENT_CERT_AUTH=false',
    });
    expect(flags.envVariable('X')).toBeUndefined();
  });
});

describe('control plane pod identification', () => {
  it('recognises kubeadm pods by their component label', () => {
    const target = toComponentPod(
      pod('kube-apiserver-cp-1', { component: 'kube-apiserver', tier: 'control-plane' }, [
        { name: 'kube-apiserver', command: ['kube-apiserver'] },
      ]),
    );
    expect(target).toMatchObject({
      component: ControlPlaneComponent.ApiServer,
      containerName: 'kube-apiserver',
      containerPath: 'spec.containers[0]',
    });
  });

  it('recognises tier=control-plane pods by their name prefix', () => {
    expect(toComponentPod(pod('etcd-cp-1', { tier: 'control-plane' }, [{ name: 'main' }]))?.component).toBe(
      ControlPlaneComponent.Etcd,
    );
  });

  it('recognises unlabelled pods by the binary they run, also through hyperkube, and picks that container', () => {
    const sidecar: Container = { name: 'proxy', command: ['envoy'] };
    expect(
      toComponentPod(
        pod('x', {}, [
          sidecar,
          { name: 'main', command: ['/usr/local/bin/kube-scheduler', '--profiling=false'] },
        ]),
      ),
    ).toMatchObject({
      component: ControlPlaneComponent.Scheduler,
      containerPath: 'spec.containers[1]',
    });
    expect(
      toComponentPod(pod('y', {}, [{ name: 'cm', command: ['/hyperkube', 'controller-manager'] }]))
        ?.component,
    ).toBe(ControlPlaneComponent.ControllerManager);
  });

  it('recognises a component started from a shell script', () => {
    const wrapped = pod('x', {}, [
      { name: 'main', command: ['/bin/sh', '-c', 'exec /usr/local/bin/etcd --client-cert-auth=true'] },
    ]);
    expect(toComponentPod(wrapped)).toMatchObject({ component: ControlPlaneComponent.Etcd });
    expect(toComponentPod(wrapped)?.flags.last('client-cert-auth')?.value).toBe('true');
  });

  it('ignores pods that run none of the components, and malformed containers', () => {
    expect(
      toComponentPod(pod('coredns', { 'k8s-app': 'kube-dns' }, [{ name: 'coredns', command: ['/coredns'] }])),
    ).toBeUndefined();
    expect(toComponentPod(pod('kube-apiserver-x', { component: 'kube-apiserver' }, []))).toBeUndefined();
  });

  it('indexes only kube-system pods, once per inventory', () => {
    const inventory = new Inventory({
      objects: [
        { object: pod('kube-apiserver-a', { component: 'kube-apiserver' }, [{ name: 'kube-apiserver' }]) },
        {
          object: pod(
            'kube-apiserver-b',
            { component: 'kube-apiserver' },
            [{ name: 'kube-apiserver' }],
            'tenant',
          ),
        },
      ],
    });
    const index = controlPlaneIndex(inventory);
    expect([...index.byPod.values()].map((target) => target.pod.metadata.name)).toEqual(['kube-apiserver-a']);
    expect(controlPlaneIndex(inventory)).toBe(index);
  });
});

describe('shared control plane findings', () => {
  const target = (component: string, command: string[]) =>
    toComponentPod(
      pod(`${component}-cp`, { component }, [{ name: component, command: [component, ...command] }]),
    )!;

  it('reads profiling as on unless set to false, and cannot judge a scheduler with a config file', () => {
    expect(profilingViolation(target('kube-apiserver', []))?.path).toBe('spec.containers[0].command');
    expect(profilingViolation(target('kube-apiserver', ['--profiling=false']))).toBeUndefined();
    expect(profilingViolation(target('kube-controller-manager', ['--profiling=true']))).toMatchObject({
      value: '--profiling=true',
    });
    expect(
      profilingViolation(target('kube-scheduler', ['--config=/etc/kubernetes/scheduler.yaml'])),
    ).toBeUndefined();
  });

  it('points at the admission plugin flag that leaves a plugin off', () => {
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
        'NodeRestriction',
        'x',
      ),
    ).toBeUndefined();
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--admission-control=NodeRestriction']),
        'NodeRestriction',
        'x',
      ),
    ).toBeUndefined();
    expect(
      admissionPluginOff(
        target('kube-apiserver', ['--enable-admission-plugins=PodSecurity']),
        'NodeRestriction',
        'x',
      ),
    ).toMatchObject({
      path: 'spec.containers[0].command[1]',
      value: '--enable-admission-plugins=PodSecurity',
    });
    expect(
      admissionPluginOff(
        target('kube-apiserver', [
          '--enable-admission-plugins=NodeRestriction',
          '--disable-admission-plugins=PodSecurity, NodeRestriction',
        ]),
        'NodeRestriction',
        'x',
      ),
    ).toMatchObject({ path: 'spec.containers[0].command[2]' });
    expect(admissionPluginOff(target('kube-apiserver', []), 'NodeRestriction', 'x')).toMatchObject({
      path: 'spec.containers[0].command',
    });
  });
});
