import {
  ContainerRole,
  type ContainerView,
  toWorkload,
  type Workload,
} from '../../src/engine/inventory/workloads';
import type { KubeObject } from '../../src/engine/kube-types';

/** The workload of an object in namespace shop named web, unless the object says otherwise. */
export function workloadOf(object: Record<string, unknown>): Workload {
  const workload = toWorkload({ metadata: { name: 'web', namespace: 'shop' }, ...object } as KubeObject);
  if (!workload) {
    throw new Error('not a workload');
  }
  return workload;
}

/** A Deployment workload with this pod spec and pod template metadata. */
export function deploymentWorkload(podSpec: object, templateMetadata: object = {}): Workload {
  return workloadOf({
    kind: 'Deployment',
    spec: { template: { metadata: templateMetadata, spec: podSpec } },
  });
}

/** The first app container (not init, not ephemeral) of a workload. */
export function appContainerView(workload: Workload): ContainerView {
  const view = workload.containers.find((candidate) => candidate.role === ContainerRole.Container);
  if (!view) {
    throw new Error('no app container');
  }
  return view;
}
