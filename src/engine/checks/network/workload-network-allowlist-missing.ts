import { workloadCheck } from '../../check';
import { Layer, Phase, Principle, Severity } from '../../model';
import { podLabelsEvidence, policiesSelecting, type PolicyView, TrafficDirection } from './support';

/** Why a direction has no declared rules: denied outright by a default-deny, or not restricted at all. */
function directionGap(direction: TrafficDirection, policies: readonly PolicyView[]): string {
  const word = direction.toLowerCase();
  return policies.some((view) => view.isolates.has(direction))
    ? `deny all ${word} without allowing any`
    : `leave ${word} unrestricted`;
}

function gapDescription(missing: readonly TrafficDirection[], policies: readonly PolicyView[]): string {
  const directions = missing.map((direction) => direction.toLowerCase()).join(' or ');
  const names = policies.map((view) => view.policy.metadata.name ?? '').join(', ');
  const gaps = missing.map((direction) => directionGap(direction, policies)).join(' and ');
  return `have no declared ${directions} rules: the NetworkPolicies selecting them (${names}) ${gaps}`;
}

export const workloadNetworkAllowlistMissing = workloadCheck(
  {
    id: 'workload-network-allowlist-missing',
    title: 'Workload has no NetworkPolicy allow-list for both ingress and egress',
    rationale:
      'Zero trust expects every workload to state the traffic it needs, so that anything else can be refused ' +
      'and the statement can be reviewed. A deny-all policy alone states nothing: either the workload needs ' +
      'no traffic in that direction, or the flows it depends on are undeclared and it only works because ' +
      'something else lets them through. Allow rules for both ingress and egress, written per workload, make ' +
      'its intended network behaviour explicit and auditable.',
    severity: Severity.Low,
    layer: Layer.Orchestrator,
    phase: Phase.Develop,
    principles: [Principle.ZeroTrust],
    references: {
      nsa: ['network/network-policies'],
      polaris: ['missingNetworkPolicy'],
    },
    remediation: {
      text:
        'Ship a NetworkPolicy with the workload that selects its pods, lists Ingress and Egress in policyTypes ' +
        'and has rules for the flows it needs (its clients, its dependencies, DNS). Keep any namespace ' +
        'default-deny beside it.',
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
        '      ports:',
        '        - port: 8080',
        '  egress:',
        '    - to:',
        '        - podSelector:',
        '            matchLabels:',
        '              app: db',
        '      ports:',
        '        - port: 5432',
      ].join('\n'),
    },
  },
  { requires: ['NetworkPolicy'] },
  (workload, inventory) => {
    const policies = policiesSelecting(inventory, workload);
    const missing = Object.values(TrafficDirection).filter(
      (direction) => !policies.some((view) => view.allowsByRule.has(direction)),
    );
    if (missing.length === 0) {
      return undefined;
    }
    const subject = `Pods of ${workload.object.kind} ${workload.object.metadata.name ?? ''}`;
    return {
      message:
        policies.length === 0
          ? `${subject} are selected by no NetworkPolicy, so none of their ingress or egress flows are declared`
          : `${subject} ${gapDescription(missing, policies)}`,
      ...podLabelsEvidence(workload),
    };
  },
);
