import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { addDaemonSets } from '../../../bench/synthetic/daemon-sets';
import { addAppNamespace, addNamespace } from '../../../bench/synthetic/namespaces';
import { addNode } from '../../../bench/synthetic/nodes';
import { SeededRandom } from '../../../bench/synthetic/random';
import { addClusterRbac } from '../../../bench/synthetic/rbac';
import { ClusterState } from '../../../bench/synthetic/state';
import { addAppWorkload } from '../../../bench/synthetic/workloads';
import { withServerSideFields } from './server-side-fields';
import type { KubeObject } from './types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'fake-kube');
const DEFAULT_SEED = 0x6b75_6265;
const PODS_PER_NODE = 30;
const PODS_PER_NAMESPACE = 100;

/** The objects of `test/fixtures/fake-kube/<name>.yaml`, a multi-document file. */
export function loadScenarioFixture(name: string): KubeObject[] {
  const file = join(FIXTURES, `${name}.yaml`);
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length > 0) {
      throw new Error(`fake-kube: ${file}: ${document.errors[0]?.message}`);
    }
    const object = document.toJS() as KubeObject | null;
    if (object !== null) {
      objects.push(object);
    }
  }
  return objects;
}

export interface GeneratedScenarioOptions {
  /** Exactly this many pods, every one owned: Deployment → ReplicaSet → Pod, StatefulSet or DaemonSet. */
  pods: number;
  /** Team namespaces the workloads spread over, besides kube-system and monitoring; default pods / 100. */
  namespaces?: number;
  seed?: number;
  /** Add managedFields to every object and last-applied annotations to what a person applies. */
  serverSideFields?: boolean;
}

/**
 * A large, realistic cluster built with the synthetic generator of `bench/synthetic`: nodes, system
 * namespaces, RBAC, node agents, then team namespaces filled with apps until the pod budget is spent.
 */
export function generateScenario(options: GeneratedScenarioOptions): KubeObject[] {
  const cluster = new ClusterState(new SeededRandom(options.seed ?? DEFAULT_SEED), options.pods);
  const nodes = Math.max(1, Math.ceil(options.pods / PODS_PER_NODE));
  for (let index = 0; index < nodes; index++) {
    addNode(cluster, index);
  }
  addNamespace(cluster, 'kube-system', 'partial');
  addNamespace(cluster, 'monitoring', 'careless');
  addClusterRbac(cluster);
  addDaemonSets(cluster);
  const namespaces = options.namespaces ?? Math.max(1, Math.round(options.pods / PODS_PER_NAMESPACE));
  for (let index = 0; index < namespaces; index++) {
    addAppNamespace(cluster, index);
  }
  while (cluster.podsLeft > 0) {
    addAppWorkload(cluster);
  }
  const objects = cluster.items as unknown as KubeObject[];
  return options.serverSideFields ? objects.map(withServerSideFields) : objects;
}
