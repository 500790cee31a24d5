import { objectCheck } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import { Layer, Phase, Principle, Severity } from '../../model';

function nodePorts(spec: Record<string, unknown>): number[] {
  return asArray<unknown>(spec['ports']).flatMap((port) =>
    isRecord(port) && typeof port['nodePort'] === 'number' ? [port['nodePort']] : [],
  );
}

export const serviceNodeport = objectCheck(
  {
    id: 'service-nodeport',
    title: 'Service exposed on a port of every node',
    rationale:
      'A NodePort Service listens on every node of the cluster, bypassing the load balancer or Ingress that ' +
      'would otherwise terminate, authenticate and log traffic. Anyone who can reach a node address can reach ' +
      'the workload, and the node firewall becomes its only protection.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Develop,
    principles: [Principle.LeastPrivilege, Principle.ZeroTrust],
    references: {},
    remediation: {
      text:
        'Use a ClusterIP Service and publish it through an Ingress or a LoadBalancer with restricted source ' +
        'ranges; where a NodePort is unavoidable, restrict node ports with firewall rules.',
      patch: ['spec:', '  type: ClusterIP'].join('\n'),
    },
  },
  { kinds: ['Service'] },
  (service) => {
    const spec = isRecord(service['spec']) ? service['spec'] : {};
    if (spec['type'] !== 'NodePort') {
      return undefined;
    }
    const ports = nodePorts(spec);
    const where = ports.length > 0 ? `port ${ports.join(', ')}` : 'an allocated port';
    return {
      message: `Service ${service.metadata.name ?? ''} is of type NodePort: it listens on ${where} of every node`,
      path: 'spec.type',
      value: 'NodePort',
    };
  },
);
