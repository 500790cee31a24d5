import { parseManifests } from '../../collectors/manifests/parse-manifests';
import { Inventory } from './inventory';
import { effectiveSetting } from './workloads';

function inventoryOf(yaml: string): Inventory {
  return new Inventory({ objects: parseManifests(yaml, 'cluster.yaml').objects });
}

const ownedChain = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, uid: d1}
spec: {template: {spec: {containers: [{name: app, image: nginx}]}}}
---
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-5d8
  namespace: shop
  uid: r1
  ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: web, uid: d1, controller: true}]
spec: {template: {spec: {containers: [{name: app, image: nginx}]}}}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-5d8-x1
  namespace: shop
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8, uid: r1, controller: true}]
spec: {containers: [{name: app, image: nginx}]}
`;

describe('Inventory', () => {
  it('reports a Deployment once, not its ReplicaSet and pods', () => {
    const inventory = inventoryOf(ownedChain);
    expect(inventory.workloads.map((workload) => workload.object.kind)).toEqual(['Deployment']);
    expect(inventory.objects('Pod')).toHaveLength(1);
  });

  it('reports a pod on itself when its controller is not in the inventory', () => {
    const inventory = inventoryOf(ownedChain.split('---').slice(2).join('---'));
    expect(inventory.workloads.map((workload) => workload.object.metadata.name)).toEqual(['web-5d8-x1']);
  });

  it('matches owners by name when uids are absent', () => {
    const inventory = inventoryOf(ownedChain.replace(/uid: \w+/g, 'uid: ""').replace(/, uid: ""/g, ''));
    expect(inventory.workloads.map((workload) => workload.object.kind)).toEqual(['Deployment']);
  });

  it('extracts pod templates from every controller kind with their evidence path', () => {
    const inventory = inventoryOf(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: ops}
spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: job, image: busybox}]}}}}}
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: ops}
spec: {template: {metadata: {labels: {app: agent}}, spec: {containers: [{name: agent, image: busybox}]}}}
`);
    expect(
      inventory.workloads.map((w) => [w.object.kind, w.specPath, w.runsToCompletion, w.podMetadata.labels]),
    ).toEqual([
      ['CronJob', 'spec.jobTemplate.spec.template.spec', true, undefined],
      ['DaemonSet', 'spec.template.spec', false, { app: 'agent' }],
    ]);
  });

  it('indexes objects by kind and namespace and looks them up by name', () => {
    const inventory = inventoryOf(ownedChain);
    expect(inventory.inNamespace('ReplicaSet', 'shop').map((o) => o.metadata.name)).toEqual(['web-5d8']);
    expect(inventory.inNamespace('ReplicaSet', 'other')).toEqual([]);
    expect(inventory.get('Deployment', 'shop', 'web')?.metadata.uid).toBe('d1');
  });

  it('keeps the first of two identical objects', () => {
    expect(inventoryOf(`${ownedChain}---${ownedChain}`).size).toBe(3);
  });
});

describe('effectiveSetting', () => {
  const inventory = inventoryOf(`
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  initContainers: [{name: init, image: busybox}]
  containers:
    - {name: inherits, image: nginx}
    - {name: overrides, image: nginx, securityContext: {runAsNonRoot: false}}
  ephemeralContainers: [{name: debug, image: busybox}]
`);
  const [workload] = inventory.workloads;

  it('inherits pod-level settings in every kind of container, unless the container overrides them', () => {
    const settings = workload!.containers.map((view) => {
      const setting = effectiveSetting(workload!, view, 'runAsNonRoot');
      return [view.name, view.role, setting.value, setting.path];
    });
    expect(settings).toEqual([
      ['init', 'initContainer', true, 'spec.securityContext.runAsNonRoot'],
      ['inherits', 'container', true, 'spec.securityContext.runAsNonRoot'],
      ['overrides', 'container', false, 'spec.containers[1].securityContext.runAsNonRoot'],
      ['debug', 'ephemeralContainer', true, 'spec.securityContext.runAsNonRoot'],
    ]);
  });

  it('points at the container field when nothing sets the value', () => {
    const setting = effectiveSetting(workload!, workload!.containers[1]!, 'runAsUser');
    expect(setting).toEqual({
      value: undefined,
      path: 'spec.containers[0].securityContext.runAsUser',
      inherited: false,
    });
  });
});

describe('Inventory identity', () => {
  it('keeps same-named objects of different API groups apart', () => {
    const inventory = inventoryOf(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
---
apiVersion: crd.projectcalico.org/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
`);
    expect(inventory.inNamespace('NetworkPolicy', 'shop').map((policy) => policy.apiVersion)).toEqual([
      'networking.k8s.io/v1',
      'crd.projectcalico.org/v1',
    ]);
    expect(inventory.get('NetworkPolicy', 'shop', 'deny')?.apiVersion).toBe('networking.k8s.io/v1');
  });
});

describe('Inventory workloads owned by operators', () => {
  it('keeps a Deployment whose controller is a custom resource', () => {
    const inventory = inventoryOf(`
apiVersion: example.com/v1
kind: Database
metadata: {name: orders, namespace: shop, uid: c1}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-proxy
  namespace: shop
  uid: d1
  ownerReferences: [{apiVersion: example.com/v1, kind: Database, name: orders, uid: c1, controller: true}]
spec: {template: {spec: {containers: [{name: proxy, image: envoy}]}}}
`);
    expect(inventory.workloads.map((workload) => workload.object.metadata.name)).toEqual(['orders-proxy']);
  });
});
