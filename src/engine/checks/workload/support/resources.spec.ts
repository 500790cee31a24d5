import { runCheck } from '../../../../../test/support/check-harness';
import { testMeta } from '../../../../../test/support/check-meta';
import { parseManifests } from '../../../../collectors/manifests/parse-manifests';
import { Inventory } from '../../../inventory/inventory';
import { missingResource, missingResourceCheck, ResourceBound, ResourceName } from './resources';

const inventoryOf = (yaml: string) => new Inventory({ objects: parseManifests(yaml, 'test.yaml').objects });

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

describe('missingResourceCheck', () => {
  const check = missingResourceCheck(testMeta('cpu-limits-test'), ResourceBound.Limits, ResourceName.Cpu);

  it('reports long-running containers (native sidecars included) but not init containers', () => {
    const { findings } = runCheck(
      check,
      `
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: shop}
spec:
  initContainers:
    - {name: setup, image: busybox}
    - {name: proxy, image: envoy, restartPolicy: Always}
  containers:
    - {name: app, image: nginx, resources: {limits: {cpu: 1}}}
    - {name: worker, image: worker}
`,
    );
    expect(findings.map((finding) => [finding.container, finding.message, finding.evidence.path])).toEqual([
      ['proxy', 'Container proxy has no CPU limit', 'spec.initContainers[1].resources.limits.cpu'],
      ['worker', 'Container worker has no CPU limit', 'spec.containers[1].resources.limits.cpu'],
    ]);
  });
});
