import { addDaemonSets } from './daemon-sets';
import { addAppNamespace, addNamespace } from './namespaces';
import { addNode } from './nodes';
import { SeededRandom } from './random';
import { addClusterRbac } from './rbac';
import { ClusterState } from './state';
import type { JsonObject } from './types';
import { addAppWorkload } from './workloads';

const SEED = 0x6b75_6265;
const PODS_PER_NAMESPACE = 100;
const PODS_PER_NODE = 30;

/** A synthetic `kubectl get -o json` dump with `pods` pods and the objects that realistically surround them. */
export function generateCluster(pods: number): JsonObject {
  const cluster = new ClusterState(new SeededRandom(SEED), pods);
  const nodeCount = Math.max(1, Math.ceil(pods / PODS_PER_NODE));
  for (let i = 0; i < nodeCount; i++) {
    addNode(cluster, i);
  }
  addNamespace(cluster, 'kube-system', 'partial');
  addNamespace(cluster, 'monitoring', 'careless');
  addClusterRbac(cluster);
  addDaemonSets(cluster);
  const appNamespaces = Math.max(1, Math.round(pods / PODS_PER_NAMESPACE));
  for (let i = 0; i < appNamespaces; i++) {
    addAppNamespace(cluster, i);
  }
  while (cluster.podsLeft > 0) {
    addAppWorkload(cluster);
  }
  return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items: cluster.items };
}
