import { type Violation, workloadCheck } from '../../check';
import { isRecord } from '../../inventory/guards';
import type { Inventory } from '../../inventory/inventory';
import type { Workload } from '../../inventory/workloads';
import type { KubeObject, Labels } from '../../kube-types';
import { Layer, Phase, Principle, Severity } from '../../model';

/** The label a client puts on a workload, its pod template or its Namespace to mark it as running untrusted code. */
export const UNTRUSTED_LABEL = 'kubeassay.io/untrusted';

function isMarked(labels: Labels | undefined): boolean {
  return isRecord(labels) && labels[UNTRUSTED_LABEL] === 'true';
}

function isMarkedUntrusted(workload: Workload, inventory: Inventory): boolean {
  const namespace = workload.object.metadata.namespace;
  const namespaceObject =
    namespace === undefined ? undefined : inventory.get('Namespace', undefined, namespace);
  return (
    isMarked(workload.podMetadata.labels) ||
    isMarked(workload.object.metadata.labels) ||
    isMarked(namespaceObject?.metadata.labels)
  );
}

/** gVisor (`runsc`, `gvisor` on GKE) and Kata Containers (`kata`, `kata-qemu`, `kata-fc`, ...) handlers. */
function isSandboxHandler(handler: string): boolean {
  return /^(runsc|gvisor|kata)([-_.].*)?$/i.test(handler);
}

function sandboxViolation(workload: Workload, inventory: Inventory): Violation | undefined {
  const path = `${workload.specPath}.runtimeClassName`;
  const name: unknown = workload.podSpec.runtimeClassName;
  if (typeof name !== 'string' || name === '') {
    return { message: "The untrusted workload runs on the node's default runtime, without a sandbox", path };
  }
  const runtimeClass: KubeObject | undefined = inventory.get('RuntimeClass', undefined, name);
  if (!runtimeClass) {
    return {
      message: `The untrusted workload names RuntimeClass ${name}, which does not exist`,
      path,
      value: name,
    };
  }
  const handler = runtimeClass['handler'];
  if (typeof handler === 'string' && isSandboxHandler(handler)) {
    return undefined;
  }
  return {
    message: `The untrusted workload uses RuntimeClass ${name}, whose handler ${String(handler)} is not a sandbox`,
    path,
    value: name,
  };
}

export const untrustedWorkloadNotSandboxed = workloadCheck(
  {
    id: 'untrusted-workload-not-sandboxed',
    title: 'Untrusted workload runs without a sandboxed runtime',
    rationale:
      'Containers share the node kernel, so code the client does not trust (customer code, CI jobs, plugins) is ' +
      'one kernel bug away from every other workload on the node. A sandboxed runtime such as gVisor or Kata ' +
      'Containers puts a user-space kernel or a virtual machine in between. Workloads are marked untrusted with ' +
      `the label ${UNTRUSTED_LABEL}: "true" on the workload, its pod template or its Namespace.`,
    severity: Severity.High,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.Isolation, Principle.ZeroTrust],
    references: {
      nsa: ['pod-security/hardening-environments'],
      mitre: ['T1611'],
    },
    remediation: {
      text:
        'Install a sandboxed runtime on a node pool, expose it through a RuntimeClass (handler runsc or kata) ' +
        'and set runtimeClassName on the untrusted workloads.',
      patch: ['spec:', '  template:', '    spec:', '      runtimeClassName: gvisor'].join('\n'),
    },
  },
  { requires: ['RuntimeClass', 'Namespace'], filter: isMarkedUntrusted },
  sandboxViolation,
);
