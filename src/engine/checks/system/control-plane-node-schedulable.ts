import { objectCheck } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { NODE, nodesPrecondition } from './support';

const CONTROL_PLANE_ROLES = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
const REPELLING_EFFECTS = ['NoSchedule', 'NoExecute'];

function isControlPlaneNode(node: KubeObject): boolean {
  const labels = isRecord(node.metadata.labels) ? node.metadata.labels : {};
  return CONTROL_PLANE_ROLES.some((role) => role in labels);
}

function specOf(node: KubeObject): Record<string, unknown> {
  return isRecord(node['spec']) ? node['spec'] : {};
}

/** A cordoned node, or one with a taint that keeps pods without a matching toleration off it. */
function repelsWorkloads(node: KubeObject): boolean {
  const spec = specOf(node);
  return (
    spec['unschedulable'] === true ||
    asArray<unknown>(spec['taints']).some(
      (taint) =>
        isRecord(taint) && typeof taint['effect'] === 'string' && REPELLING_EFFECTS.includes(taint['effect']),
    )
  );
}

export const controlPlaneNodeSchedulable = objectCheck(
  {
    id: 'control-plane-node-schedulable',
    title: 'Control plane node accepts ordinary workloads',
    rationale:
      "Control plane nodes hold etcd data, the cluster CA key and the API server's credentials on disk. When " +
      'they carry no NoSchedule taint, ordinary pods land there, and a container escape in any of them ' +
      'reaches the keys to the whole cluster.',
    severity: Severity.Medium,
    layer: Layer.System,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Restore the control plane taint and move ordinary workloads to worker nodes; give the few agents that ' +
        'must run there an explicit toleration.',
      patch: [
        'spec:',
        '  taints:',
        '    - key: node-role.kubernetes.io/control-plane',
        '      effect: NoSchedule',
      ].join('\n'),
    },
  },
  { kinds: [NODE], filter: isControlPlaneNode, precondition: nodesPrecondition },
  (node) => {
    if (repelsWorkloads(node)) {
      return undefined;
    }
    const taints = specOf(node)['taints'];
    return {
      message:
        `Control plane node ${node.metadata.name ?? ''} has no NoSchedule or NoExecute taint: ` +
        'any pod may be scheduled on it',
      path: 'spec.taints',
      ...(taints !== undefined && { value: taints }),
    };
  },
);
