import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { podSwitchViolation } from './support/pod';

export const hostIpc = workloadCheck(
  {
    id: 'host-ipc',
    title: 'Pod shares the host IPC namespace',
    rationale:
      'With hostIPC the pod can read and write the shared memory segments, semaphores and message queues of ' +
      'every process on the node, so it can eavesdrop on or tamper with other workloads and host services that ' +
      'use them.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.2.4'],
      nsa: ['pod-security/enforcement'],
      polaris: ['hostIPCSet'],
      kubescape: ['C-0038'],
    },
    remediation: {
      text: 'Remove `hostIPC: true`; containers of one pod already share an IPC namespace.',
      patch: ['spec:', '  hostIPC: false'].join('\n'),
    },
  },
  {},
  (workload) => podSwitchViolation(workload, 'hostIPC', "The pod shares the node's IPC namespace (hostIPC)"),
);
