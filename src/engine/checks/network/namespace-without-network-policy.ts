import { objectCheck } from '../../check';
import { DEFAULT_EXEMPTIONS } from '../../exemptions';
import { Layer, Phase, Principle, Severity } from '../../model';

/** Policy kinds that isolate pods of their namespace; Cilium's are counted when the source collected them. */
const POLICY_KINDS = ['NetworkPolicy', 'CiliumNetworkPolicy'];

/**
 * The engine exempts objects *in* system namespaces, not the Namespace objects themselves (they have no
 * namespace), so the platform's own namespaces are left out here.
 */
function isSystemNamespace(name: string | undefined): boolean {
  return name !== undefined && DEFAULT_EXEMPTIONS.namespaces.includes(name);
}

export const namespaceWithoutNetworkPolicy = objectCheck(
  {
    id: 'namespace-without-network-policy',
    title: 'Namespace has no NetworkPolicy',
    rationale:
      'Without a NetworkPolicy every pod of the namespace accepts connections from, and can connect to, any pod ' +
      'in the cluster: one compromised workload can probe and reach everything else. A default-deny policy per ' +
      'namespace makes every allowed flow an explicit decision.',
    severity: Severity.Medium,
    layer: Layer.Orchestrator,
    phase: Phase.Runtime,
    principles: [Principle.ZeroTrust, Principle.Isolation],
    references: {
      cis: ['5.3.2'],
      nsa: ['network/network-policies'],
      mitre: ['T1046'],
      kubescape: ['C-0054', 'C-0206'],
    },
    remediation: {
      text:
        'Add a default-deny NetworkPolicy to the namespace, then policies that allow the flows its workloads need ' +
        '(including DNS egress).',
      patch: [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: default-deny',
        '  namespace: shop',
        'spec:',
        '  podSelector: {}',
        '  policyTypes:',
        '    - Ingress',
        '    - Egress',
      ].join('\n'),
    },
  },
  {
    kinds: ['Namespace'],
    requires: POLICY_KINDS,
    filter: (namespace) => !isSystemNamespace(namespace.metadata.name),
  },
  (namespace, inventory) => {
    const name = namespace.metadata.name;
    if (POLICY_KINDS.some((kind) => inventory.inNamespace(kind, name).length > 0)) {
      return undefined;
    }
    return {
      message: `Namespace ${name ?? ''} has no NetworkPolicy: its pods accept and open any connection`,
      path: 'metadata.name',
      value: name,
    };
  },
);
