import type { ClusterState } from './state';
import type { JsonObject, SecurityProfile } from './types';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const READ = ['get', 'list', 'watch'];

function rule(apiGroups: string[], resources: string[], verbs: string[]): JsonObject {
  return { apiGroups, resources, verbs };
}

export function addServiceAccount(cluster: ClusterState, name: string, namespace: string): void {
  cluster.push('v1', 'ServiceAccount', cluster.metadata(name, namespace), {});
}

/** The built-in roles, a node-log agent, and the grants a real cluster accumulates (some too broad). */
export function addClusterRbac(cluster: ClusterState): void {
  addClusterRole(cluster, 'cluster-admin', [rule(['*'], ['*'], ['*'])]);
  addClusterRole(cluster, 'view', [rule([''], ['pods', 'services', 'configmaps', 'endpoints'], READ)]);
  addClusterRole(cluster, 'edit', [
    rule(['', 'apps'], ['pods', 'deployments', 'services', 'secrets'], ['*']),
  ]);
  addClusterRole(cluster, 'system:node-reader', [rule([''], ['nodes', 'nodes/metrics'], READ)]);
  addClusterRole(cluster, 'log-agent', [rule([''], ['pods', 'namespaces', 'nodes/proxy'], READ)]);
  addServiceAccount(cluster, 'deployer', 'kube-system');
  const group = (name: string): JsonObject => ({ kind: 'Group', name, apiGroup: RBAC_GROUP });
  const serviceAccount = (name: string, namespace: string): JsonObject => ({
    kind: 'ServiceAccount',
    name,
    namespace,
  });
  addClusterRoleBinding(cluster, 'cluster-admins', 'cluster-admin', group('system:masters'));
  addClusterRoleBinding(cluster, 'log-agent', 'log-agent', serviceAccount('log-agent', 'monitoring'));
  addClusterRoleBinding(
    cluster,
    'ci-deployer-admin',
    'cluster-admin',
    serviceAccount('deployer', 'kube-system'),
  );
  addClusterRoleBinding(cluster, 'everyone-view', 'view', group('system:authenticated'));
}

function addClusterRole(cluster: ClusterState, name: string, rules: JsonObject[]): void {
  const labels = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
  cluster.push(`${RBAC_GROUP}/v1`, 'ClusterRole', cluster.metadata(name, undefined, { labels }), { rules });
}

function addClusterRoleBinding(cluster: ClusterState, name: string, role: string, subject: JsonObject): void {
  cluster.push(`${RBAC_GROUP}/v1`, 'ClusterRoleBinding', cluster.metadata(name), {
    roleRef: { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name: role },
    subjects: [subject],
  });
}

/** A developer Role per team namespace; careless teams also exec into pods and read secrets. */
export function addTeamRbac(
  cluster: ClusterState,
  namespace: string,
  team: string,
  profile: SecurityProfile,
): void {
  const careless = profile === 'careless';
  const rules = [rule([''], ['pods', 'pods/log', 'services', 'configmaps'], READ)];
  if (careless) {
    rules.push(rule([''], ['pods/exec', 'secrets'], ['*']));
  }
  cluster.push(`${RBAC_GROUP}/v1`, 'Role', cluster.metadata('developer', namespace), { rules });
  const group = careless && cluster.random.chance(0.3) ? 'system:authenticated' : `${team}-developers`;
  cluster.push(`${RBAC_GROUP}/v1`, 'RoleBinding', cluster.metadata('developers', namespace), {
    roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name: 'developer' },
    subjects: [{ apiGroup: RBAC_GROUP, kind: 'Group', name: group }],
  });
}
