import { workloadCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { dig } from './support/fields';

export const topologySpreadMissing = workloadCheck(
  {
    id: 'topology-spread-missing',
    title: 'Pods are not spread across nodes or zones',
    rationale:
      'Without spread constraints or pod anti-affinity the scheduler spreads replicas only as a soft ' +
      'preference and may still place all of them on one node or in one zone. Losing that node or zone then ' +
      'takes the whole workload down at once.',
    severity: Severity.Info,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      polaris: ['topologySpreadConstraint'],
    },
    remediation: {
      text:
        'Add a topology spread constraint over `kubernetes.io/hostname` (and `topology.kubernetes.io/zone` on ' +
        "multi-zone clusters) that selects the workload's own pods.",
      patch: [
        'spec:',
        '  template:',
        '    spec:',
        '      topologySpreadConstraints:',
        '        - maxSkew: 1',
        '          topologyKey: kubernetes.io/hostname',
        '          whenUnsatisfiable: ScheduleAnyway',
        '          labelSelector:',
        '            matchLabels:',
        '              app: web',
      ].join('\n'),
    },
  },
  // A DaemonSet places one pod per node by design; Jobs and CronJobs are not long-running.
  {
    kinds: ['Pod', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
    skipRunToCompletion: true,
  },
  (workload) => {
    if (hasSpreadConstraint(workload) || hasPodAntiAffinity(workload)) {
      return undefined;
    }
    const constraints = workload.podSpec.topologySpreadConstraints;
    return {
      message: `${workload.object.kind} ${workload.object.metadata.name ?? ''} has no topology spread constraint or pod anti-affinity`,
      path: `${workload.specPath}.topologySpreadConstraints`,
      ...(constraints !== undefined && { value: constraints }),
    };
  },
);

function hasSpreadConstraint(workload: Workload): boolean {
  const constraints: unknown = workload.podSpec.topologySpreadConstraints;
  return Array.isArray(constraints) && constraints.some(isRecord);
}

function hasPodAntiAffinity(workload: Workload): boolean {
  const antiAffinity = dig(workload.podSpec, 'affinity', 'podAntiAffinity');
  return [
    'requiredDuringSchedulingIgnoredDuringExecution',
    'preferredDuringSchedulingIgnoredDuringExecution',
  ].some((field) => {
    const terms = dig(antiAffinity, field);
    return Array.isArray(terms) && terms.length > 0;
  });
}
