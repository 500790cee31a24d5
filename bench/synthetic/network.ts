import { appLabels, selectorLabels } from './shapes';
import type { ClusterState } from './state';
import type { AppShape, JsonObject } from './types';

/** A Service in front of the app: mostly ClusterIP, a few NodePorts and LoadBalancers. */
export function addService(cluster: ClusterState, shape: AppShape): void {
  const roll = cluster.random.next();
  const type = roll < 0.04 ? 'LoadBalancer' : roll < 0.1 ? 'NodePort' : 'ClusterIP';
  const counter = cluster.next('serviceIp');
  const clusterIP = `172.20.${Math.floor(counter / 250) % 256}.${(counter % 250) + 2}`;
  const port: JsonObject = { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' };
  if (type !== 'ClusterIP') {
    port['nodePort'] = 30000 + (counter % 2767);
  }
  const ingress =
    type === 'LoadBalancer' ? [{ hostname: `a${cluster.random.hex(31)}.elb.eu-west-1.amazonaws.com` }] : [];
  cluster.push('v1', 'Service', cluster.metadata(shape.name, shape.namespace, { labels: appLabels(shape) }), {
    spec: {
      type,
      selector: selectorLabels(shape),
      ports: [port],
      clusterIP,
      clusterIPs: [clusterIP],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
    },
    status: { loadBalancer: ingress.length > 0 ? { ingress } : {} },
  });
}

export function addNamespaceIsolationPolicy(cluster: ClusterState, namespace: string): void {
  cluster.push(
    'networking.k8s.io/v1',
    'NetworkPolicy',
    cluster.metadata('default-deny-allow-namespace', namespace),
    { spec: namespaceIsolationPolicy() },
  );
}

/** Default deny, then traffic within the namespace, from the ingress controller, and to cluster DNS. */
function namespaceIsolationPolicy(): JsonObject {
  const namespaceNamed = (name: string): JsonObject => ({
    matchLabels: { 'kubernetes.io/metadata.name': name },
  });
  const dns = {
    to: [
      {
        namespaceSelector: namespaceNamed('kube-system'),
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      },
    ],
    ports: [
      { protocol: 'UDP', port: 53 },
      { protocol: 'TCP', port: 53 },
    ],
  };
  return {
    podSelector: {},
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ podSelector: {} }, { namespaceSelector: namespaceNamed('ingress-nginx') }] }],
    egress: [{ to: [{ podSelector: {} }] }, dns],
  };
}
