import { podSubnet } from './nodes';
import type { SeededRandom } from './random';
import { type ClusterState, ownerReference } from './state';
import type { AppShape, JsonObject, NodeRef, PodPlacement } from './types';

/** A running pod of a controller's template, as the API server returns it after admission and scheduling. */
export function addPod(
  cluster: ClusterState,
  shape: AppShape,
  template: JsonObject,
  placement: PodPlacement,
): void {
  cluster.podsLeft--;
  const templateMetadata = template['metadata'] as JsonObject;
  const spec = admittedPodSpec(cluster.random, template, placement.node);
  const podIP = shape.hostNetwork ? placement.node.ip : nextPodIp(cluster, placement.node.index);
  const generateName =
    placement.owner.kind === 'StatefulSet' ? `${shape.name}-` : placement.name.slice(0, -5);
  const metadata = cluster.metadata(placement.name, shape.namespace, {
    generateName,
    labels: { ...(templateMetadata['labels'] as JsonObject), ...placement.labels },
    annotations: templateMetadata['annotations'] as JsonObject,
    ownerReferences: [ownerReference(placement.owner)],
  });
  cluster.push('v1', 'Pod', metadata, {
    spec,
    status: podStatus(cluster.random, spec, placement.node, podIP),
  });
}

function nextPodIp(cluster: ClusterState, nodeIndex: number): string {
  return `${podSubnet(nodeIndex)}.${(cluster.next('podIp') % 250) + 2}`;
}

/** Admission adds the default tolerations and, unless the pod opts out, the service account token volume. */
function admittedPodSpec(random: SeededRandom, template: JsonObject, node: NodeRef): JsonObject {
  const spec = structuredClone(template['spec']) as JsonObject;
  spec['nodeName'] = node.name;
  spec['tolerations'] = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({
    key,
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  }));
  spec['priority'] = 0;
  spec['enableServiceLinks'] = true;
  spec['preemptionPolicy'] = 'PreemptLowerPriority';
  if (spec['automountServiceAccountToken'] !== false) {
    mountServiceAccountToken(spec, `kube-api-access-${random.podSuffix()}`);
  }
  return spec;
}

function mountServiceAccountToken(spec: JsonObject, volumeName: string): void {
  const namespaceFile = {
    path: 'namespace',
    fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
  };
  (spec['volumes'] as JsonObject[]).push({
    name: volumeName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [namespaceFile] } },
      ],
    },
  });
  for (const container of spec['containers'] as JsonObject[]) {
    const mounts = (container['volumeMounts'] as JsonObject[] | undefined) ?? [];
    mounts.push({
      name: volumeName,
      mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
      readOnly: true,
    });
    container['volumeMounts'] = mounts;
  }
}

function podStatus(random: SeededRandom, spec: JsonObject, node: NodeRef, podIP: string): JsonObject {
  const started = random.timestamp();
  const conditions = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: started,
  }));
  const containerStatuses = (spec['containers'] as JsonObject[]).map((container) => {
    const image = container['image'] as string;
    return {
      name: container['name'] as string,
      image,
      imageID: `${image.replace(/[@:][^/]*$/, '')}@sha256:${random.hex(64)}`,
      containerID: `containerd://${random.hex(64)}`,
      ready: true,
      started: true,
      restartCount: random.chance(0.1) ? random.int(1, 40) : 0,
      state: { running: { startedAt: started } },
      lastState: {},
    };
  });
  return {
    phase: 'Running',
    conditions,
    hostIP: node.ip,
    hostIPs: [{ ip: node.ip }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: started,
    containerStatuses,
    qosClass: qosClass(spec),
  };
}

function qosClass(spec: JsonObject): string {
  const requestsSomething = (spec['containers'] as JsonObject[]).some(
    (container) => (container['resources'] as JsonObject | undefined)?.['requests'] !== undefined,
  );
  return requestsSomething ? 'Burstable' : 'BestEffort';
}
