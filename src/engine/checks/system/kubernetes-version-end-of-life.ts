import { CLUSTER_RESOURCE, clusterCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { KUBERNETES_RELEASES } from './data/kubernetes-releases';
import { CLUSTER_VERSION_KINDS, clusterVersionOf, kubernetesEndOfLife, lineOf } from './support';

export const kubernetesVersionEndOfLife = clusterCheck(
  {
    id: 'kubernetes-version-end-of-life',
    title: 'Kubernetes version is past end of life',
    rationale:
      'Once a minor release is out of support upstream, vulnerabilities found in the API server, kubelet or ' +
      'controllers are no longer fixed for it. Privilege escalations and authorization bypasses published ' +
      'after that date stay open until the cluster is upgraded.',
    severity: Severity.High,
    layer: Layer.Orchestrator,
    phase: Phase.Distribute,
    principles: [Principle.Authorization, Principle.Isolation],
    references: {
      nsa: ['upgrading'],
      mitre: ['T1068'],
    },
    remediation: {
      text:
        'Upgrade the control plane one minor at a time to a supported release, then the nodes. On a managed ' +
        'service, extended support only postpones this.',
      patch: [
        '# kubeadm: kubeadm upgrade apply, one minor at a time',
        'apiVersion: kubeadm.k8s.io/v1beta4',
        'kind: ClusterConfiguration',
        'kubernetesVersion: v1.35.0',
      ].join('\n'),
    },
  },
  {
    requires: CLUSTER_VERSION_KINDS,
    precondition: (inventory) =>
      clusterVersionOf(inventory)
        ? undefined
        : 'the cluster version is not known: no server version, kube-apiserver pod or Node in the inventory',
  },
  (inventory) => {
    const cluster = clusterVersionOf(inventory)!;
    const endOfLife = kubernetesEndOfLife(cluster.version);
    if (!endOfLife) {
      return undefined;
    }
    const when = endOfLife.startsWith('before') ? endOfLife : `on ${endOfLife}`;
    return {
      resource: CLUSTER_RESOURCE,
      message:
        `Kubernetes ${lineOf(cluster.version)} (${cluster.written}, from ${cluster.source}) reached upstream ` +
        `end of life ${when} (support data as of ${KUBERNETES_RELEASES.asOf})`,
      path: 'version',
      value: cluster.written,
    };
  },
);
