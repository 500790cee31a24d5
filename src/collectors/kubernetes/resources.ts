import type { Check } from '../../engine/check';

/** A resource the live collector lists, and what it takes to list it. */
export interface CollectedResource {
  kind: string;
  /** API group; `''` for the core group. */
  group: string;
  /** The version listed. For an optional kind, the version the group served when written: use the one discovery prefers. */
  version: string;
  plural: string;
  namespaced: boolean;
  /**
   * Listed only when discovery serves it (a custom resource, or an API newer than some supported clusters).
   * Its absence is no coverage gap: nothing of that kind can exist on the cluster.
   */
  optional?: boolean;
}

/**
 * Every kind a check of the catalog reads, and nothing else: this table is also the assessor's ClusterRole
 * (`deploy/assessor-rbac.yaml`), so a row added here is a permission asked of every client.
 */
export const COLLECTED_RESOURCES: readonly CollectedResource[] = [
  { kind: 'Namespace', group: '', version: 'v1', plural: 'namespaces', namespaced: false },
  { kind: 'Node', group: '', version: 'v1', plural: 'nodes', namespaced: false },
  { kind: 'Pod', group: '', version: 'v1', plural: 'pods', namespaced: true },
  {
    kind: 'ReplicationController',
    group: '',
    version: 'v1',
    plural: 'replicationcontrollers',
    namespaced: true,
  },
  { kind: 'Service', group: '', version: 'v1', plural: 'services', namespaced: true },
  { kind: 'ServiceAccount', group: '', version: 'v1', plural: 'serviceaccounts', namespaced: true },
  { kind: 'ConfigMap', group: '', version: 'v1', plural: 'configmaps', namespaced: true },
  { kind: 'LimitRange', group: '', version: 'v1', plural: 'limitranges', namespaced: true },
  { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', namespaced: true },
  { kind: 'ReplicaSet', group: 'apps', version: 'v1', plural: 'replicasets', namespaced: true },
  { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', namespaced: true },
  { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', namespaced: true },
  { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', namespaced: true },
  { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', namespaced: true },
  {
    kind: 'HorizontalPodAutoscaler',
    group: 'autoscaling',
    version: 'v2',
    plural: 'horizontalpodautoscalers',
    namespaced: true,
  },
  {
    kind: 'PodDisruptionBudget',
    group: 'policy',
    version: 'v1',
    plural: 'poddisruptionbudgets',
    namespaced: true,
  },
  {
    kind: 'NetworkPolicy',
    group: 'networking.k8s.io',
    version: 'v1',
    plural: 'networkpolicies',
    namespaced: true,
  },
  { kind: 'Ingress', group: 'networking.k8s.io', version: 'v1', plural: 'ingresses', namespaced: true },
  { kind: 'Role', group: 'rbac.authorization.k8s.io', version: 'v1', plural: 'roles', namespaced: true },
  {
    kind: 'RoleBinding',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'rolebindings',
    namespaced: true,
  },
  {
    kind: 'ClusterRole',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'clusterroles',
    namespaced: false,
  },
  {
    kind: 'ClusterRoleBinding',
    group: 'rbac.authorization.k8s.io',
    version: 'v1',
    plural: 'clusterrolebindings',
    namespaced: false,
  },
  {
    kind: 'ValidatingWebhookConfiguration',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    plural: 'validatingwebhookconfigurations',
    namespaced: false,
  },
  {
    kind: 'MutatingWebhookConfiguration',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    plural: 'mutatingwebhookconfigurations',
    namespaced: false,
  },
  // Served as v1 from Kubernetes 1.30: older clusters cannot hold any that are in force.
  {
    kind: 'ValidatingAdmissionPolicy',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    plural: 'validatingadmissionpolicies',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'ValidatingAdmissionPolicyBinding',
    group: 'admissionregistration.k8s.io',
    version: 'v1',
    plural: 'validatingadmissionpolicybindings',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'PriorityClass',
    group: 'scheduling.k8s.io',
    version: 'v1',
    plural: 'priorityclasses',
    namespaced: false,
  },
  { kind: 'RuntimeClass', group: 'node.k8s.io', version: 'v1', plural: 'runtimeclasses', namespaced: false },
  // Custom resources of the admission and network tools the checks recognise.
  {
    kind: 'ClusterPolicy',
    group: 'kyverno.io',
    version: 'v1',
    plural: 'clusterpolicies',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'Policy',
    group: 'kyverno.io',
    version: 'v1',
    plural: 'policies',
    namespaced: true,
    optional: true,
  },
  {
    kind: 'ImageValidatingPolicy',
    group: 'policies.kyverno.io',
    version: 'v1',
    plural: 'imagevalidatingpolicies',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'NamespacedImageValidatingPolicy',
    group: 'policies.kyverno.io',
    version: 'v1',
    plural: 'namespacedimagevalidatingpolicies',
    namespaced: true,
    optional: true,
  },
  {
    kind: 'ClusterImagePolicy',
    group: 'policy.sigstore.dev',
    version: 'v1beta1',
    plural: 'clusterimagepolicies',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'Provider',
    group: 'externaldata.gatekeeper.sh',
    version: 'v1beta1',
    plural: 'providers',
    namespaced: false,
    optional: true,
  },
  {
    kind: 'CiliumNetworkPolicy',
    group: 'cilium.io',
    version: 'v2',
    plural: 'ciliumnetworkpolicies',
    namespaced: true,
    optional: true,
  },
];

/**
 * Secrets, listed only when the client opts in, and then as PartialObjectMetadata: `list` on secrets returns their
 * values to any request that does not ask for metadata only, so the default ClusterRole does not grant it.
 */
export const SECRET_METADATA_RESOURCE: CollectedResource = {
  kind: 'Secret',
  group: '',
  version: 'v1',
  plural: 'secrets',
  namespaced: true,
};

/** The rows the given checks read: what an assessment running only those checks has to list. */
export function resourcesFor(checks: readonly Check[]): CollectedResource[] {
  const kinds = new Set(checks.flatMap((check) => check.requires));
  return COLLECTED_RESOURCES.filter((resource) => kinds.has(resource.kind));
}
