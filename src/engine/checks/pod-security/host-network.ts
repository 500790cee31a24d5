import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { podSwitchViolation } from './support/pod';

export const hostNetwork = workloadCheck(
  {
    id: 'host-network',
    title: 'Pod uses the host network namespace',
    rationale:
      "With hostNetwork the pod uses the node's network stack: it can bind any node port, reach services " +
      'listening only on the node loopback and sniff node traffic with the right capabilities; most network ' +
      'plugins do not apply NetworkPolicy to it.',
    severity: Severity.High,
    layer: Layer.System,
    phase: Phase.Runtime,
    principles: [Principle.Isolation],
    references: {
      cis: ['5.2.5'],
      nsa: ['pod-security/enforcement'],
      polaris: ['hostNetworkSet'],
      kubescape: ['C-0041'],
    },
    remediation: {
      text: 'Remove `hostNetwork: true` and expose the workload through a Service instead.',
      patch: ['spec:', '  hostNetwork: false'].join('\n'),
    },
  },
  {},
  (workload) =>
    podSwitchViolation(workload, 'hostNetwork', "The pod uses the node's network namespace (hostNetwork)"),
);
