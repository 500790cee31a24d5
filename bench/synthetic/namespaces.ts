import { addNamespaceIsolationPolicy } from './network';
import { addServiceAccount, addTeamRbac } from './rbac';
import type { ClusterState } from './state';
import type { JsonObject, SecurityProfile } from './types';

const TEAMS = [
  'checkout',
  'catalog',
  'search',
  'identity',
  'billing',
  'shipping',
  'reviews',
  'ads',
  'data',
  'growth',
];

export function addNamespace(cluster: ClusterState, name: string, profile: SecurityProfile): void {
  const labels: JsonObject = { 'kubernetes.io/metadata.name': name, ...podSecurityLabels(profile) };
  cluster.push('v1', 'Namespace', cluster.metadata(name, undefined, { labels }), {
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
}

/** A team namespace with its default service account, developer RBAC and, for half of them, isolation. */
export function addAppNamespace(cluster: ClusterState, index: number): void {
  const team = TEAMS[index % TEAMS.length] as string;
  const name = `${team}-${Math.floor(index / TEAMS.length) + 1}`;
  const profile = cluster.random.pick<SecurityProfile>([
    'hardened',
    'hardened',
    'partial',
    'partial',
    'careless',
  ]);
  cluster.namespaces.push({ name, profile });
  addNamespace(cluster, name, profile);
  addServiceAccount(cluster, 'default', name);
  if (index % 2 === 0) {
    addNamespaceIsolationPolicy(cluster, name);
  }
  addTeamRbac(cluster, name, team, profile);
}

function podSecurityLabels(profile: SecurityProfile): JsonObject {
  if (profile === 'careless') {
    return {};
  }
  return {
    'pod-security.kubernetes.io/enforce': profile === 'hardened' ? 'restricted' : 'baseline',
    'pod-security.kubernetes.io/enforce-version': 'latest',
    'pod-security.kubernetes.io/warn': 'restricted',
  };
}
