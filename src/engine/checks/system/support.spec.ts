import { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import {
  clusterVersionOf,
  compareLines,
  compareVersions,
  hasEnded,
  isWindowsNode,
  kubernetesEndOfLife,
  maxKubeletSkew,
  nodeInfoOf,
  parseVersion,
} from './support';

const node = (
  name: string,
  nodeInfo: Record<string, unknown>,
  labels: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels },
  status: { nodeInfo },
});

const apiServerPod = (name: string, image: unknown): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'kube-system', labels: { component: 'kube-apiserver' } },
  spec: { containers: [{ name: 'kube-apiserver', image }] },
});

const inventoryOf = (objects: KubeObject[], version?: string) =>
  new Inventory({ objects: objects.map((object) => ({ object })), ...(version && { cluster: { version } }) });

describe('system support', () => {
  it('parses the versions Kubernetes, kernels and runtimes report', () => {
    expect(parseVersion('v1.29.4-eks-036c24b')).toEqual({ major: 1, minor: 29, patch: 4 });
    expect(parseVersion('v1.30.2+k3s1')).toEqual({ major: 1, minor: 30, patch: 2 });
    expect(parseVersion('5.10.205-195.807.amzn2.x86_64')).toEqual({ major: 5, minor: 10, patch: 205 });
    expect(parseVersion('1.7')).toEqual({ major: 1, minor: 7, patch: 0 });
    expect(parseVersion('latest')).toBeUndefined();
    expect(parseVersion(131)).toBeUndefined();
    expect(compareVersions(parseVersion('5.10.9')!, parseVersion('5.10.10')!)).toBeLessThan(0);
  });

  it('compares release lines regardless of patch versions', () => {
    expect(compareLines(parseVersion('5.10.205')!, parseVersion('5.10')!)).toBe(0);
    expect(compareLines(parseVersion('5.9.300')!, parseVersion('5.10.0')!)).toBeLessThan(0);
    expect(compareLines(parseVersion('6.1.0')!, parseVersion('5.15.99')!)).toBeGreaterThan(0);
  });

  it('judges support windows as of the data date, not the day the scan runs', () => {
    expect(hasEnded('2025-02-28', '2026-11-27')).toBe(true);
    expect(hasEnded('2026-11-27', '2026-11-27')).toBe(false);
    expect(kubernetesEndOfLife(parseVersion('v1.29.0')!)).toBe('2025-02-28');
    expect(kubernetesEndOfLife(parseVersion('v1.34.1')!)).toBe('2026-10-27');
    expect(kubernetesEndOfLife(parseVersion('v1.35.0')!)).toBeUndefined();
    expect(kubernetesEndOfLife(parseVersion('v1.16.3')!)).toBe('before 2021-10-28');
    expect(kubernetesEndOfLife(parseVersion('v1.40.0')!)).toBeUndefined();
    expect(kubernetesEndOfLife(parseVersion('v2.0.0')!)).toBeUndefined();
  });

  it('allows three minors of kubelet skew from 1.28 on, two before', () => {
    expect(maxKubeletSkew(parseVersion('v1.31.0')!)).toBe(3);
    expect(maxKubeletSkew(parseVersion('v1.27.0')!)).toBe(2);
  });

  it('reads node info defensively and recognises Windows nodes', () => {
    expect(nodeInfoOf(node('a', { kernelVersion: ' 6.1.0 ' }), 'kernelVersion')).toBe('6.1.0');
    expect(nodeInfoOf(node('a', { kernelVersion: 6 }), 'kernelVersion')).toBeUndefined();
    expect(
      nodeInfoOf({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' }, status: 'x' }, 'kernelVersion'),
    ).toBeUndefined();
    expect(isWindowsNode(node('w', { operatingSystem: 'windows' }))).toBe(true);
    expect(isWindowsNode(node('w', {}, { 'kubernetes.io/os': 'windows' }))).toBe(true);
    expect(isWindowsNode(node('l', { operatingSystem: 'linux' }))).toBe(false);
  });

  it('takes the cluster version from the server first', () => {
    const inventory = inventoryOf(
      [apiServerPod('kube-apiserver-a', 'registry.k8s.io/kube-apiserver:v1.30.1')],
      'v1.31.2',
    );
    expect(clusterVersionOf(inventory)).toMatchObject({ written: 'v1.31.2', source: 'the API server' });
  });

  it('else from the newest kube-apiserver image, ignoring digests and registry ports', () => {
    const inventory = inventoryOf([
      apiServerPod('kube-apiserver-a', 'registry.k8s.io/kube-apiserver:v1.30.1'),
      apiServerPod('kube-apiserver-b', 'my-registry:5000/kube-apiserver:v1.31.0@sha256:abc'),
      apiServerPod('kube-apiserver-c', 'my-registry:5000/kube-apiserver'),
      apiServerPod('kube-apiserver-d', 42),
    ]);
    expect(clusterVersionOf(inventory)).toMatchObject({
      version: { major: 1, minor: 31, patch: 0 },
      source: 'the kube-apiserver image of kube-system/kube-apiserver-b',
    });
  });

  it('else from the newest kubelet, and is undefined when nothing tells', () => {
    const inventory = inventoryOf([
      node('a', { kubeletVersion: 'v1.29.3' }),
      node('b', { kubeletVersion: 'v1.30.0' }),
    ]);
    expect(clusterVersionOf(inventory)).toMatchObject({
      written: 'v1.30.0',
      source: 'the newest kubelet (Node b)',
    });
    const empty = inventoryOf([]);
    expect(clusterVersionOf(empty)).toBeUndefined();
    expect(clusterVersionOf(empty)).toBeUndefined();
  });
});
