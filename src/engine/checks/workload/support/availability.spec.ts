import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../../inventory/inventory';
import { hpasTargeting, intOrPercent, pdbsSelecting, replicaCount, scaledToZero } from './availability';

const inventoryOf = (yaml: string) => new Inventory({ objects: parseManifests(yaml, 'test.yaml').objects });

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
