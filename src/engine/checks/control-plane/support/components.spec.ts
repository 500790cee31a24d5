import { Inventory } from '../../../inventory/inventory';
import type { Container, KubeObject } from '../../../kube-types';
import { controlPlaneIndex, ControlPlaneComponent, toComponentPod } from './components';

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
