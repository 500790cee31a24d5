import { addService } from './network';
import { appImage, podTemplate } from './pod-template';
import { addPod } from './pods';
import { NAME_ALPHABET } from './random';
import { addServiceAccount } from './rbac';
import { appLabels, appShape, selectorLabels } from './shapes';
import { type ClusterState, ownerReference } from './state';
import type { AppNamespace, AppShape, JsonObject, Owner } from './types';

/** One app of the next team namespace in turn: its service account, config, Service and controller with pods. */
export function addAppWorkload(cluster: ClusterState): void {
  const index = cluster.next('workload');
  const namespace = cluster.namespaces[index % cluster.namespaces.length] as AppNamespace;
  const shape = appShape(cluster.random, index, namespace.name, namespace.profile);
  const statefulSet = cluster.random.chance(0.1);
  const replicas = Math.min(
    cluster.podsLeft,
    statefulSet ? cluster.random.int(1, 5) : deploymentReplicas(cluster),
  );
  addServiceAccount(cluster, shape.serviceAccount, shape.namespace);
  addConfigMap(cluster, shape);
  addService(cluster, shape);
  if (statefulSet) {
    addStatefulSet(cluster, shape, replicas);
  } else {
    addDeployment(cluster, shape, replicas);
  }
}

/** Mostly small services with a tail of large ones, averaging about ten replicas. */
function deploymentReplicas(cluster: ClusterState): number {
  return cluster.random.chance(0.12) ? cluster.random.int(20, 50) : cluster.random.int(1, 12);
}

function addConfigMap(cluster: ClusterState, shape: AppShape): void {
  const data: JsonObject = {
    'application.yaml': `server:\n  port: 8080\nlogging:\n  level: info\nfeatures:\n  ${shape.team}: true\n`,
    FEATURE_FLAGS: 'new-checkout,fast-search',
  };
  if (shape.profile === 'careless' && cluster.random.chance(0.2)) {
    data['AWS_ACCESS_KEY_ID'] = 'AKIAEXAMPLEEXAMPLE12';
    data['AWS_SECRET_ACCESS_KEY'] = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  }
  cluster.push(
    'v1',
    'ConfigMap',
    cluster.metadata(`${shape.name}-config`, shape.namespace, { labels: appLabels(shape) }),
    { data },
  );
}

function addDeployment(cluster: ClusterState, shape: AppShape, replicas: number): void {
  const template = podTemplate(cluster.random, shape, appImage(cluster.random, shape));
  const annotations = { 'deployment.kubernetes.io/revision': '4' };
  const metadata = cluster.metadata(shape.name, shape.namespace, {
    labels: appLabels(shape),
    annotations,
    generation: 4,
  });
  const deployment = cluster.push('apps/v1', 'Deployment', metadata, {
    spec: {
      replicas,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: selectorLabels(shape) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template,
    },
    status: deploymentStatus(cluster.random.timestamp(), replicas),
  });
  if (cluster.random.chance(0.3)) {
    addReplicaSet(cluster, shape, deployment, template, 0);
  }
  const { owner, hash } = addReplicaSet(cluster, shape, deployment, template, replicas);
  for (let i = 0; i < replicas; i++) {
    const name = `${owner.name}-${cluster.random.podSuffix()}`;
    addPod(cluster, shape, template, {
      owner,
      name,
      node: cluster.random.pick(cluster.nodes),
      labels: { 'pod-template-hash': hash },
    });
  }
}

/** Deployments keep superseded ReplicaSets scaled to zero; `replicas: 0` yields one of those. */
function addReplicaSet(
  cluster: ClusterState,
  shape: AppShape,
  deployment: Owner,
  template: JsonObject,
  replicas: number,
): { owner: Owner; hash: string } {
  const hash = cluster.random.chars(NAME_ALPHABET, 10);
  const labels = { ...selectorLabels(shape), 'pod-template-hash': hash };
  const annotations = {
    'deployment.kubernetes.io/desired-replicas': String(replicas),
    'deployment.kubernetes.io/max-replicas': String(replicas + 1),
    'deployment.kubernetes.io/revision': replicas === 0 ? '3' : '4',
  };
  const metadata = cluster.metadata(`${shape.name}-${hash}`, shape.namespace, {
    labels,
    annotations,
    ownerReferences: [ownerReference(deployment)],
  });
  const owner = cluster.push('apps/v1', 'ReplicaSet', metadata, {
    spec: { replicas, selector: { matchLabels: labels }, template },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 1,
    },
  });
  return { owner, hash };
}

function addStatefulSet(cluster: ClusterState, shape: AppShape, replicas: number): void {
  const template = podTemplate(cluster.random, shape, appImage(cluster.random, shape));
  const volumeClaim = {
    metadata: { name: 'data' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: 'gp3',
      resources: { requests: { storage: '20Gi' } },
    },
  };
  const owner = cluster.push(
    'apps/v1',
    'StatefulSet',
    cluster.metadata(shape.name, shape.namespace, { labels: appLabels(shape), generation: 2 }),
    {
      spec: {
        replicas,
        serviceName: shape.name,
        podManagementPolicy: 'OrderedReady',
        selector: { matchLabels: selectorLabels(shape) },
        template,
        volumeClaimTemplates: [volumeClaim],
      },
      status: {
        replicas,
        readyReplicas: replicas,
        currentReplicas: replicas,
        updatedReplicas: replicas,
        observedGeneration: 2,
      },
    },
  );
  const revision = `${shape.name}-${cluster.random.chars(NAME_ALPHABET, 10)}`;
  for (let i = 0; i < replicas; i++) {
    const name = `${shape.name}-${i}`;
    const labels = { 'controller-revision-hash': revision, 'statefulset.kubernetes.io/pod-name': name };
    addPod(cluster, shape, template, { owner, name, node: cluster.random.pick(cluster.nodes), labels });
  }
}

function deploymentStatus(readyAt: string, replicas: number): JsonObject {
  const condition = (type: string, reason: string, message: string): JsonObject => ({
    type,
    status: 'True',
    lastUpdateTime: readyAt,
    lastTransitionTime: readyAt,
    reason,
    message,
  });
  return {
    observedGeneration: 4,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: replicas,
    availableReplicas: replicas,
    conditions: [
      condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
      condition('Progressing', 'NewReplicaSetAvailable', 'ReplicaSet has successfully progressed.'),
    ],
  };
}
