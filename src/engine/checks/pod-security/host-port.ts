import { containerCheck } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import { Layer, Phase, Principle, Severity } from '../../model';

function isHostPortSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== 0 && value !== '' && value !== '0';
}

export const hostPort = containerCheck(
  {
    id: 'host-port',
    title: 'Container binds a port on the node',
    rationale:
      "A hostPort opens the port on the node's own address, bypassing Services and, with most network plugins, " +
      'NetworkPolicy. It exposes the workload wherever the node is reachable, ties the pod to nodes where the ' +
      'port is free, and lets a compromised pod claim ports other tenants expect on that node.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.2.13'],
      polaris: ['hostPortSet'],
      kubescape: ['C-0044'],
    },
    remediation: {
      text: 'Remove `hostPort` and expose the container through a Service (ClusterIP, NodePort or LoadBalancer).',
      patch: [
        'spec:',
        '  containers:',
        '    - name: app',
        '      ports:',
        '        - containerPort: 8080',
      ].join('\n'),
    },
  },
  { containers: 'all' },
  (view) =>
    asArray<unknown>(view.container.ports).flatMap((port, index) => {
      const value = isRecord(port) ? port['hostPort'] : undefined;
      if (!isHostPortSet(value)) {
        return [];
      }
      const protocol = isRecord(port) && typeof port['protocol'] === 'string' ? port['protocol'] : 'TCP';
      return [
        {
          message: `Container ${view.name} binds node port ${String(value)}/${protocol}`,
          path: `${view.path}.ports[${index}].hostPort`,
          value,
          detail: `${String(value)}/${protocol}`,
        },
      ];
    }),
);
