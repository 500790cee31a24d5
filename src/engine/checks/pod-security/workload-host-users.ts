import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isWindowsPod } from './support/pod';

export const workloadHostUsers = workloadCheck(
  {
    id: 'workload-host-users',
    title: 'Pod does not use a user namespace',
    rationale:
      'Unless hostUsers is false, UIDs in the container are the same UIDs on the node: root in the container is ' +
      'root on the node after an escape, and files written to shared volumes belong to real node users. A user ' +
      'namespace maps them to unprivileged node IDs, which defuses many escapes. It needs a recent kernel and ' +
      'runtime, hence the informational severity.',
    severity: Severity.Info,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      nsa: ['pod-security/non-root'],
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Set `hostUsers: false` where the nodes support user namespaces (a recent kernel and runtime, and the ' +
        'UserNamespacesSupport feature, on by default since Kubernetes 1.33).',
      patch: ['spec:', '  hostUsers: false'].join('\n'),
    },
  },
  {},
  (workload) => {
    const value: unknown = workload.podSpec.hostUsers;
    if (value === false || isWindowsPod(workload)) {
      return undefined;
    }
    const path = `${workload.specPath}.hostUsers`;
    if (value === undefined || value === null) {
      return { message: "The pod shares the node's user namespace (hostUsers is not false)", path };
    }
    return { message: "The pod shares the node's user namespace", path, value };
  },
);
