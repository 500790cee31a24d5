import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { podSwitchViolation } from './support/pod';

export const hostPid = workloadCheck(
  {
    id: 'host-pid',
    title: 'Pod shares the host PID namespace',
    rationale:
      'With hostPID the pod sees every process on the node, can read their environment and command lines ' +
      '(where secrets often sit) and, with the right privileges, signal, trace or enter them, including ' +
      'kubelet and container runtime processes.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.2.3'],
      nsa: ['pod-security/enforcement'],
      mitre: ['T1611'],
      polaris: ['hostPIDSet'],
      kubescape: ['C-0038'],
    },
    remediation: {
      text: 'Remove `hostPID: true`; use shareProcessNamespace if containers of one pod need to see each other.',
      patch: ['spec:', '  hostPID: false'].join('\n'),
    },
  },
  {},
  (workload) =>
    podSwitchViolation(workload, 'hostPID', "The pod shares the node's process namespace (hostPID)"),
);
