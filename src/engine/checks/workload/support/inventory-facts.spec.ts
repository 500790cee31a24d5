import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../../inventory/inventory';
import { globalDefaultPriorityClass, isTopLevelWorkload } from './inventory-facts';

const inventoryOf = (yaml: string) => new Inventory({ objects: parseManifests(yaml, 'test.yaml').objects });

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
});
