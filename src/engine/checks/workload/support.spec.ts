import { parseManifests } from '../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../inventory/inventory';
import type { Container } from '../../kube-types';
import {
  dig,
  globalDefaultPriorityClass,
  hasProbe,
  hpasTargeting,
  imageOf,
  intOrPercent,
  isTopLevelWorkload,
  missingResource,
  parseImage,
  pdbsSelecting,
  replicaCount,
  ResourceBound,
  ResourceName,
  scaledToZero,
  shown,
} from './support';

const inventoryOf = (yaml: string) => new Inventory({ objects: parseManifests(yaml, 'test.yaml').objects });

describe('parseImage', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.25', { repository: 'nginx', tag: '1.25' }],
    ['library/nginx:latest', { repository: 'library/nginx', tag: 'latest' }],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }],
    ['registry:5000/team/app:2.1', { registry: 'registry:5000', repository: 'team/app', tag: '2.1' }],
    ['localhost/app:dev', { registry: 'localhost', repository: 'app', tag: 'dev' }],
    ['ghcr.io/org/tool', { registry: 'ghcr.io', repository: 'org/tool' }],
    ['Registry/app', { registry: 'Registry', repository: 'app' }],
    ['nginx:', { repository: 'nginx:' }],
  ])('reads %s', (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });

  it('reads a digest beside a tag, and ignores what only looks like one', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(parseImage(`docker.io/library/nginx:1.25@${digest}`)).toEqual({
      registry: 'docker.io',
      repository: 'library/nginx',
      tag: '1.25',
      digest,
    });
    expect(parseImage('nginx@latest')).toEqual({ repository: 'nginx' });
  });

  it('takes only non-empty string images', () => {
    expect(imageOf({ image: ' nginx:1 ' })).toBe('nginx:1');
    expect(imageOf({ image: '' })).toBeUndefined();
    expect(imageOf({ image: 42 } as unknown as Container)).toBeUndefined();
    expect(imageOf({})).toBeUndefined();
  });
});

describe('hasProbe', () => {
  it('needs a probe with a handler', () => {
    expect(hasProbe({ livenessProbe: { httpGet: { port: 80 } } }, 'livenessProbe')).toBe(true);
    expect(hasProbe({ livenessProbe: {} }, 'livenessProbe')).toBe(false);
    expect(hasProbe({ readinessProbe: 'yes' } as unknown as Container, 'readinessProbe')).toBe(false);
  });
});

describe('intOrPercent and replicaCount', () => {
  it('accepts integers and integer percentages only', () => {
    expect(intOrPercent(2)).toEqual({ count: 2 });
    expect(intOrPercent('50%')).toEqual({ percent: 50 });
    expect(intOrPercent('2')).toBeUndefined();
    expect(intOrPercent(1.5)).toBeUndefined();
    expect(intOrPercent('x%')).toBeUndefined();
  });

  it('defaults a missing replica count to 1 and refuses malformed ones', () => {
    expect(replicaCount(undefined)).toBe(1);
    expect(replicaCount(3)).toBe(3);
    expect(replicaCount('3')).toBeUndefined();
    expect(replicaCount(-1)).toBeUndefined();
  });

  it('sees a controller scaled to zero', () => {
    const [zero, one] = inventoryOf(`
kind: Deployment
metadata: {name: a}
spec: {replicas: 0}
---
kind: Deployment
metadata: {name: b}
spec: {}
`).objects('Deployment');
    expect(scaledToZero(zero!)).toBe(true);
    expect(scaledToZero(one!)).toBe(false);
  });
});

describe('pdbsSelecting', () => {
  const inventory = inventoryOf(`
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web, namespace: shop}
spec: {selector: {matchLabels: {app: web, tier: front}}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: by-expression, namespace: shop}
spec: {selector: {matchExpressions: [{key: app, operator: In, values: [api]}]}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: everything, namespace: batch}
spec: {selector: {}}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata: {name: nothing, namespace: legacy}
spec: {selector: {}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: unset, namespace: legacy}
spec: {}
`);
  const names = (namespace: string, labels: unknown) =>
    pdbsSelecting(inventory, namespace, labels).map((pdb) => pdb.metadata.name);

  it('selects with every matchLabels pair, in the same namespace only', () => {
    expect(names('shop', { app: 'web', tier: 'front', extra: 'x' })).toEqual(['web']);
    expect(names('shop', { app: 'web' })).toEqual([]);
    expect(names('other', { app: 'web', tier: 'front' })).toEqual([]);
  });

  it('evaluates expression-only selectors', () => {
    expect(names('shop', { app: 'api' })).toEqual(['by-expression']);
  });

  it('gives an empty selector the meaning of its API version, and a missing one none', () => {
    expect(names('batch', {})).toEqual(['everything']);
    expect(names('legacy', { app: 'web' })).toEqual([]);
  });

  it('tolerates malformed labels', () => {
    expect(names('shop', 'app=web')).toEqual([]);
  });
});

describe('hpasTargeting', () => {
  it('matches kind, name and namespace of the scale target', () => {
    const inventory = inventoryOf(`
kind: Deployment
metadata: {name: web, namespace: shop}
---
kind: HorizontalPodAutoscaler
metadata: {name: web, namespace: shop}
spec: {scaleTargetRef: {kind: Deployment, name: web}}
---
kind: HorizontalPodAutoscaler
metadata: {name: other-namespace, namespace: blog}
spec: {scaleTargetRef: {kind: Deployment, name: web}}
---
kind: HorizontalPodAutoscaler
metadata: {name: other-kind, namespace: shop}
spec: {scaleTargetRef: {kind: StatefulSet, name: web}}
---
kind: HorizontalPodAutoscaler
metadata: {name: malformed, namespace: shop}
spec: {scaleTargetRef: web}
`);
    const deployment = inventory.objects('Deployment')[0]!;
    expect(hpasTargeting(inventory, deployment).map((hpa) => hpa.metadata.name)).toEqual(['web']);
  });
});

describe('missingResource', () => {
  const check = (yaml: string, bound: ResourceBound, resource: ResourceName) => {
    const inventory = inventoryOf(yaml);
    const workload = inventory.workloads[0]!;
    return missingResource(workload, workload.containers[0]!, inventory, bound, resource);
  };
  const pod = (resources: string, podResources = '') => `
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  ${podResources}
  containers: [{name: app, image: nginx:1, resources: ${resources}}]
`;

  it('reports a missing value where it belongs', () => {
    expect(check(pod('{}'), ResourceBound.Limits, ResourceName.Memory)).toEqual({
      message: 'Container app has no memory limit',
      path: 'spec.containers[0].resources.limits.memory',
    });
  });

  it('reports a malformed value with what was found', () => {
    expect(check(pod('{requests: {cpu: {}}}'), ResourceBound.Requests, ResourceName.Cpu)).toEqual({
      message: 'Container app has a malformed CPU request',
      path: 'spec.containers[0].resources.requests.cpu',
      value: {},
    });
  });

  it('lets a limit stand in for a missing request, not the other way round', () => {
    expect(check(pod('{limits: {cpu: 1}}'), ResourceBound.Requests, ResourceName.Cpu)).toBeUndefined();
    expect(check(pod('{requests: {cpu: 1}}'), ResourceBound.Limits, ResourceName.Cpu)).toBeDefined();
  });

  it('accepts pod-level resources', () => {
    const yaml = pod('{}', 'resources: {limits: {memory: 1Gi}}');
    expect(check(yaml, ResourceBound.Limits, ResourceName.Memory)).toBeUndefined();
    expect(check(yaml, ResourceBound.Requests, ResourceName.Memory)).toBeUndefined();
  });

  it('accepts defaults from a LimitRange of the same namespace', () => {
    const limitRange = (namespace: string, item: string) => `
---
kind: LimitRange
metadata: {name: defaults, namespace: ${namespace}}
spec: {limits: [${item}]}
`;
    const withDefault = pod('{}') + limitRange('shop', '{type: Container, default: {memory: 512Mi}}');
    expect(check(withDefault, ResourceBound.Limits, ResourceName.Memory)).toBeUndefined();
    expect(check(withDefault, ResourceBound.Requests, ResourceName.Memory)).toBeUndefined();
    const withMin = pod('{}') + limitRange('shop', '{type: Container, min: {cpu: 100m}}');
    expect(check(withMin, ResourceBound.Requests, ResourceName.Cpu)).toBeUndefined();
    expect(check(withMin, ResourceBound.Limits, ResourceName.Cpu)).toBeDefined();
    const podType = pod('{}') + limitRange('shop', '{type: Pod, max: {memory: 1Gi}}');
    expect(check(podType, ResourceBound.Limits, ResourceName.Memory)).toBeDefined();
    const elsewhere = pod('{}') + limitRange('blog', '{type: Container, default: {memory: 512Mi}}');
    expect(check(elsewhere, ResourceBound.Limits, ResourceName.Memory)).toBeDefined();
  });
});

describe('inventory-wide facts', () => {
  it('finds the global default PriorityClass', () => {
    expect(
      globalDefaultPriorityClass(inventoryOf('kind: PriorityClass\nmetadata: {name: low}\nvalue: 1\n')),
    ).toBe(undefined);
    expect(
      globalDefaultPriorityClass(
        inventoryOf('kind: PriorityClass\nmetadata: {name: std}\nglobalDefault: true\n'),
      ),
    ).toBe('std');
  });

  it('knows the top-most controllers', () => {
    const inventory = inventoryOf(`
kind: Deployment
metadata: {name: web, namespace: shop, uid: d1}
spec: {template: {spec: {containers: [{name: app, image: x}]}}}
---
kind: Pod
metadata: {name: web-1, namespace: shop, ownerReferences: [{kind: Deployment, name: web, uid: d1, controller: true}]}
spec: {containers: [{name: app, image: x}]}
`);
    expect(isTopLevelWorkload(inventory, inventory.objects('Deployment')[0]!)).toBe(true);
    expect(isTopLevelWorkload(inventory, inventory.objects('Pod')[0]!)).toBe(false);
  });

  it('reads nested fields and shows values', () => {
    expect(dig({ a: { b: 1 } }, 'a', 'b')).toBe(1);
    expect(dig({ a: 'x' }, 'a', 'b')).toBeUndefined();
    expect(shown('Never')).toBe('Never');
    expect(shown({ a: 1 })).toBe('{"a":1}');
  });
});
