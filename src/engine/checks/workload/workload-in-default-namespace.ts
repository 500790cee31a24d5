import { objectCheck } from '../../check';
import { WORKLOAD_KINDS } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { isTopLevelWorkload } from './support/inventory-facts';

/** Objects the control plane itself keeps in the default namespace. */
const PLATFORM_OBJECTS = new Set(['Service/kubernetes', 'ConfigMap/kube-root-ca.crt']);

export const workloadInDefaultNamespace = objectCheck(
  {
    id: 'workload-in-default-namespace',
    title: 'Resource is in the default namespace',
    rationale:
      'The default namespace is where objects land when nobody chose a namespace, so it collects unrelated ' +
      'applications that then share one set of RBAC grants, NetworkPolicies, quotas and Pod Security level. ' +
      'A namespace per application gives each its own boundary for those controls.',
    severity: Severity.Low,
    layer: Layer.Application,
    phase: Phase.Deploy,
    principles: [Principle.Isolation, Principle.Authorization],
    references: {
      cis: ['5.7.4'],
      nsa: ['network/namespaces'],
      kubescape: ['C-0212', 'C-0061'],
    },
    remediation: {
      text: 'Move the resource to a namespace created for its application, with its own RBAC and policies.',
      patch: ['metadata:', '  namespace: shop'].join('\n'),
    },
  },
  {
    kinds: [...WORKLOAD_KINDS, 'Service', 'ConfigMap'],
    // Pods and ReplicaSets are reported through their controller, once.
    filter: (object, inventory) =>
      WORKLOAD_KINDS.includes(object.kind)
        ? isTopLevelWorkload(inventory, object)
        : !PLATFORM_OBJECTS.has(`${object.kind}/${object.metadata.name ?? ''}`),
  },
  (object) =>
    object.metadata.namespace === 'default'
      ? {
          message: `${object.kind} ${object.metadata.name ?? ''} is in the default namespace`,
          path: 'metadata.namespace',
          value: 'default',
        }
      : undefined,
);
