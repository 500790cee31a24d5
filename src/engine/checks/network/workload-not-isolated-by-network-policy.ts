import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { directionsIsolating, podLabelsEvidence, TrafficDirection } from './support';

function gapDescription(missing: readonly TrafficDirection[]): string {
  if (missing.length === 2) {
    return 'no NetworkPolicy selects them, so all ingress and egress traffic is allowed';
  }
  const direction = missing[0] === TrafficDirection.Ingress ? 'ingress' : 'egress';
  return `no NetworkPolicy selecting them restricts ${direction}, so all ${direction} traffic is allowed`;
}

export const workloadNotIsolatedByNetworkPolicy = workloadCheck(
  {
    id: 'workload-not-isolated-by-network-policy',
    title: 'Workload not isolated by NetworkPolicies in both directions',
    rationale:
      'Pods are only isolated in a direction once a NetworkPolicy selecting them lists it. Unrestricted ingress ' +
      'lets any compromised pod reach the workload; unrestricted egress lets a compromised workload scan the ' +
      'cluster, reach cloud metadata services and exfiltrate data.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.ZeroTrust, Principle.Isolation],
    references: {
      nsa: ['network/network-policies'],
      mitre: ['T1046'],
      kubescape: ['C-0030', 'C-0260'],
    },
    remediation: {
      text:
        'Select the pods with NetworkPolicies whose policyTypes cover both Ingress and Egress (a namespace-wide ' +
        'default-deny does), and allow only the flows the workload needs.',
      patch: [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: web',
        'spec:',
        '  podSelector:',
        '    matchLabels:',
        '      app: web',
        '  policyTypes:',
        '    - Ingress',
        '    - Egress',
        '  ingress:',
        '    - from:',
        '        - podSelector:',
        '            matchLabels:',
        '              app: frontend',
        '  egress:',
        '    - to:',
        '        - podSelector:',
        '            matchLabels:',
        '              app: db',
      ].join('\n'),
    },
  },
  { requires: ['NetworkPolicy'] },
  (workload, inventory) => {
    const isolated = directionsIsolating(inventory, workload);
    const missing = Object.values(TrafficDirection).filter((direction) => !isolated.has(direction));
    if (missing.length === 0) {
      return undefined;
    }
    return {
      message: `Pods of ${workload.object.kind} ${workload.object.metadata.name ?? ''} are not isolated: ${gapDescription(missing)}`,
      ...podLabelsEvidence(workload),
    };
  },
);
