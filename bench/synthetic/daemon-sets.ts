import { podTemplate } from './pod-template';
import { addPod } from './pods';
import { NAME_ALPHABET } from './random';
import { addServiceAccount } from './rbac';
import { appLabels, daemonShape, selectorLabels } from './shapes';
import type { ClusterState } from './state';
import type { AppShape } from './types';

/** The node agents every cluster runs: kube-proxy, a log shipper and a metrics exporter. */
export function addDaemonSets(cluster: ClusterState): void {
  const daemons: [AppShape, string][] = [
    [daemonShape('kube-proxy', 'kube-system', 'partial', true), 'registry.k8s.io/kube-proxy:v1.29.6'],
    [daemonShape('log-agent', 'monitoring', 'careless', true), 'vendor.example.com/log-agent:1.9'],
    [
      daemonShape('node-exporter', 'monitoring', 'hardened', false),
      'quay.io/prometheus/node-exporter:v1.8.1',
    ],
  ];
  for (const [shape, daemonImage] of daemons) {
    addServiceAccount(cluster, shape.serviceAccount, shape.namespace);
    addDaemonSet(cluster, shape, daemonImage);
  }
}

function addDaemonSet(cluster: ClusterState, shape: AppShape, daemonImage: string): void {
  const template = podTemplate(cluster.random, shape, daemonImage);
  const placed = cluster.nodes.slice(0, Math.min(cluster.nodes.length, cluster.podsLeft));
  const labels = { 'controller-revision-hash': cluster.random.chars(NAME_ALPHABET, 10) };
  const owner = cluster.push(
    'apps/v1',
    'DaemonSet',
    cluster.metadata(shape.name, shape.namespace, { labels: appLabels(shape), generation: 3 }),
    {
      spec: {
        selector: { matchLabels: selectorLabels(shape) },
        template,
        updateStrategy: { type: 'RollingUpdate' },
      },
      status: {
        currentNumberScheduled: placed.length,
        desiredNumberScheduled: placed.length,
        numberReady: placed.length,
        observedGeneration: 3,
      },
    },
  );
  for (const node of placed) {
    addPod(cluster, shape, template, {
      owner,
      name: `${shape.name}-${cluster.random.podSuffix()}`,
      node,
      labels,
    });
  }
}
