import type { SeededRandom } from './random';
import type { ClusterState } from './state';
import type { JsonObject } from './types';

const KUBELET_VERSION = 'v1.29.6';
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const INSTANCE_TYPES = ['m6i.2xlarge', 'm6i.4xlarge', 'c6i.4xlarge', 'r6i.2xlarge'];

/** The /24 the node's pods get their IPs from, without the last octet. */
export function podSubnet(nodeIndex: number): string {
  return `10.${64 + Math.floor(nodeIndex / 256)}.${nodeIndex % 256}`;
}

export function addNode(cluster: ClusterState, index: number): void {
  const zone = ZONES[index % ZONES.length] as string;
  const ip = `10.0.${Math.floor(index / 250)}.${(index % 250) + 4}`;
  const name = `ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal`;
  const labels = {
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'topology.kubernetes.io/zone': zone,
    'topology.kubernetes.io/region': 'eu-west-1',
    'node.kubernetes.io/instance-type': cluster.random.pick(INSTANCE_TYPES),
    'eks.amazonaws.com/nodegroup': `general-${index % 4}`,
  };
  cluster.nodes.push({ name, index, ip });
  cluster.push(
    'v1',
    'Node',
    cluster.metadata(name, undefined, { labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0' } }),
    {
      spec: {
        providerID: `aws:///${zone}/i-0${cluster.random.hex(16)}`,
        podCIDR: `${podSubnet(index)}.0/24`,
      },
      status: nodeStatus(cluster.random, ip, name),
    },
  );
}

function nodeStatus(random: SeededRandom, ip: string, hostname: string): JsonObject {
  const heartbeat = random.timestamp();
  const condition = (type: string, status: string, reason: string): JsonObject => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: heartbeat,
    reason,
    message: `kubelet reports ${reason}`,
  });
  return {
    capacity: { cpu: '8', memory: '32408212Ki', pods: '58', 'ephemeral-storage': '104845292Ki' },
    allocatable: { cpu: '7910m', memory: '31391380Ki', pods: '58', 'ephemeral-storage': '95551679124' },
    conditions: [
      condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory'),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID'),
      condition('Ready', 'True', 'KubeletReady'),
    ],
    addresses: [
      { type: 'InternalIP', address: ip },
      { type: 'Hostname', address: hostname },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: random.hex(32),
      systemUUID: random.uid(),
      bootID: random.uid(),
      kernelVersion: '5.10.219-208.866.amzn2.x86_64',
      osImage: 'Amazon Linux 2',
      containerRuntimeVersion: 'containerd://1.7.11',
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  };
}
