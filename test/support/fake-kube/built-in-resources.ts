/** A resource the fake serves, described as `/api(s)/<group>/<version>` discovery describes it. */
export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  /** Custom resources keep `apiVersion`/`kind` on list items; built-in ones lose them, as on a real server. */
  custom: boolean;
}

export function groupVersion(resource: Pick<ServedResource, 'group' | 'version'>): string {
  return resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
}

const READ_WRITE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_WRITE_SINGLY = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const NAMESPACED = true;
const CLUSTER = false;

type Extras = Partial<Pick<ServedResource, 'verbs' | 'shortNames' | 'categories'>>;

function builtIn(
  apiVersion: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  extras: Extras = {},
): ServedResource {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return {
    group: group as string,
    version: version as string,
    kind,
    plural,
    namespaced,
    verbs: READ_WRITE,
    custom: false,
    ...extras,
  };
}

const ALL = { categories: ['all'] };

/**
 * The standard resources of a Kubernetes 1.30 API server, one served version each, in the order its
 * discovery lists groups. The fake models Kubernetes here, not what our collector happens to read.
 */
export const BUILT_IN_RESOURCES: readonly ServedResource[] = [
  builtIn('v1', 'ConfigMap', 'configmaps', NAMESPACED, { shortNames: ['cm'] }),
  builtIn('v1', 'Endpoints', 'endpoints', NAMESPACED, { shortNames: ['ep'] }),
  builtIn('v1', 'Event', 'events', NAMESPACED, { shortNames: ['ev'] }),
  builtIn('v1', 'LimitRange', 'limitranges', NAMESPACED, { shortNames: ['limits'] }),
  builtIn('v1', 'Namespace', 'namespaces', CLUSTER, { verbs: READ_WRITE_SINGLY, shortNames: ['ns'] }),
  builtIn('v1', 'Node', 'nodes', CLUSTER, { shortNames: ['no'] }),
  builtIn('v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', NAMESPACED, { shortNames: ['pvc'] }),
  builtIn('v1', 'PersistentVolume', 'persistentvolumes', CLUSTER, { shortNames: ['pv'] }),
  builtIn('v1', 'Pod', 'pods', NAMESPACED, { shortNames: ['po'], ...ALL }),
  builtIn('v1', 'PodTemplate', 'podtemplates', NAMESPACED),
  builtIn('v1', 'ReplicationController', 'replicationcontrollers', NAMESPACED, {
    shortNames: ['rc'],
    ...ALL,
  }),
  builtIn('v1', 'ResourceQuota', 'resourcequotas', NAMESPACED, { shortNames: ['quota'] }),
  builtIn('v1', 'Secret', 'secrets', NAMESPACED),
  builtIn('v1', 'ServiceAccount', 'serviceaccounts', NAMESPACED, { shortNames: ['sa'] }),
  builtIn('v1', 'Service', 'services', NAMESPACED, { verbs: READ_WRITE_SINGLY, shortNames: ['svc'], ...ALL }),
  builtIn('apps/v1', 'ControllerRevision', 'controllerrevisions', NAMESPACED),
  builtIn('apps/v1', 'DaemonSet', 'daemonsets', NAMESPACED, { shortNames: ['ds'], ...ALL }),
  builtIn('apps/v1', 'Deployment', 'deployments', NAMESPACED, { shortNames: ['deploy'], ...ALL }),
  builtIn('apps/v1', 'ReplicaSet', 'replicasets', NAMESPACED, { shortNames: ['rs'], ...ALL }),
  builtIn('apps/v1', 'StatefulSet', 'statefulsets', NAMESPACED, { shortNames: ['sts'], ...ALL }),
  builtIn('authorization.k8s.io/v1', 'SelfSubjectAccessReview', 'selfsubjectaccessreviews', CLUSTER, {
    verbs: ['create'],
  }),
  builtIn('autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', NAMESPACED, {
    shortNames: ['hpa'],
    ...ALL,
  }),
  builtIn('batch/v1', 'CronJob', 'cronjobs', NAMESPACED, { shortNames: ['cj'], ...ALL }),
  builtIn('batch/v1', 'Job', 'jobs', NAMESPACED, ALL),
  builtIn('certificates.k8s.io/v1', 'CertificateSigningRequest', 'certificatesigningrequests', CLUSTER, {
    shortNames: ['csr'],
  }),
  builtIn('networking.k8s.io/v1', 'IngressClass', 'ingressclasses', CLUSTER),
  builtIn('networking.k8s.io/v1', 'Ingress', 'ingresses', NAMESPACED, { shortNames: ['ing'] }),
  builtIn('networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', NAMESPACED, { shortNames: ['netpol'] }),
  builtIn('policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', NAMESPACED, { shortNames: ['pdb'] }),
  builtIn('rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', CLUSTER),
  builtIn('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', CLUSTER),
  builtIn('rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', NAMESPACED),
  builtIn('rbac.authorization.k8s.io/v1', 'Role', 'roles', NAMESPACED),
  builtIn('storage.k8s.io/v1', 'CSIDriver', 'csidrivers', CLUSTER),
  builtIn('storage.k8s.io/v1', 'StorageClass', 'storageclasses', CLUSTER, { shortNames: ['sc'] }),
  builtIn('storage.k8s.io/v1', 'VolumeAttachment', 'volumeattachments', CLUSTER),
  builtIn(
    'admissionregistration.k8s.io/v1',
    'MutatingWebhookConfiguration',
    'mutatingwebhookconfigurations',
    CLUSTER,
  ),
  builtIn(
    'admissionregistration.k8s.io/v1',
    'ValidatingAdmissionPolicy',
    'validatingadmissionpolicies',
    CLUSTER,
  ),
  builtIn(
    'admissionregistration.k8s.io/v1',
    'ValidatingAdmissionPolicyBinding',
    'validatingadmissionpolicybindings',
    CLUSTER,
  ),
  builtIn(
    'admissionregistration.k8s.io/v1',
    'ValidatingWebhookConfiguration',
    'validatingwebhookconfigurations',
    CLUSTER,
  ),
  builtIn('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', CLUSTER, {
    shortNames: ['crd', 'crds'],
  }),
  builtIn('scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', CLUSTER, { shortNames: ['pc'] }),
  builtIn('coordination.k8s.io/v1', 'Lease', 'leases', NAMESPACED),
  builtIn('node.k8s.io/v1', 'RuntimeClass', 'runtimeclasses', CLUSTER),
  builtIn('discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', NAMESPACED),
];
