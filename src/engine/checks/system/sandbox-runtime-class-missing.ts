import { CLUSTER_RESOURCE, clusterCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { KubeObject } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';
import { NODE } from './support';

const RUNTIME_CLASS = 'RuntimeClass';

/** Handlers of sandboxed runtimes: gVisor (`runsc`, GKE Sandbox's `gvisor`) and Kata Containers (`kata-*`). */
const SANDBOX_HANDLER = /runsc|gvisor|kata/i;

/** The handler of a RuntimeClass: `handler` in node.k8s.io/v1, `spec.runtimeHandler` in v1alpha1. */
function handlerOf(runtimeClass: KubeObject): string {
  const spec = runtimeClass['spec'];
  const handler = runtimeClass['handler'] ?? (isRecord(spec) ? spec['runtimeHandler'] : undefined);
  return typeof handler === 'string' ? handler : '';
}

function notEvaluatedReason(inventory: Inventory): string | undefined {
  return inventory.objects(RUNTIME_CLASS).length === 0 && inventory.objects(NODE).length === 0
    ? 'neither RuntimeClasses nor Nodes are in the inventory'
    : undefined;
}

export const sandboxRuntimeClassMissing = clusterCheck(
  {
    id: 'sandbox-runtime-class-missing',
    title: 'No sandboxed runtime is offered',
    rationale:
      'Untrusted or multi-tenant code is safest behind a second boundary besides the shared kernel: a gVisor ' +
      'or Kata Containers sandbox. Without a RuntimeClass for one, the cluster has no way to run such code ' +
      'other than next to everything else on a shared kernel.',
    severity: Severity.Low,
    layer: Layer.System,
    phase: Phase.Deploy,
    principles: [Principle.Isolation],
    references: {
      nsa: ['pod-security/hardening-environments'],
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Install gVisor or Kata Containers on a node pool, declare a RuntimeClass for it, and run untrusted ' +
        'workloads with `runtimeClassName`.',
      patch: [
        'apiVersion: node.k8s.io/v1',
        'kind: RuntimeClass',
        'metadata:',
        '  name: gvisor',
        'handler: runsc',
      ].join('\n'),
    },
  },
  { requires: [RUNTIME_CLASS, NODE], precondition: notEvaluatedReason },
  (inventory) => {
    if (
      inventory.objects(RUNTIME_CLASS).some((runtimeClass) => SANDBOX_HANDLER.test(handlerOf(runtimeClass)))
    ) {
      return undefined;
    }
    return {
      resource: CLUSTER_RESOURCE,
      message: 'No RuntimeClass uses a sandboxed handler (gVisor runsc, Kata Containers)',
      path: 'runtimeClasses',
    };
  },
);
