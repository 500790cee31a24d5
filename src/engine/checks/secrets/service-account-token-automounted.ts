import { workloadCheck } from '../../check';
import type { Inventory } from '../../inventory/inventory';
import type { Workload } from '../../inventory/workloads';
import { Layer, Phase, Principle, Severity } from '../../model';
import { serviceAccountOf } from './support';

/** Why the ServiceAccount does not stop the mount, or undefined when it disables automounting. */
function serviceAccountReason(workload: Workload, inventory: Inventory, name: string): string | undefined {
  const account = inventory.get('ServiceAccount', workload.object.metadata.namespace, name);
  if (!account) {
    return `the pod does not disable automounting and ServiceAccount ${name} is not in the inventory`;
  }
  const setting = account['automountServiceAccountToken'];
  if (setting === false) {
    return undefined;
  }
  return setting === true
    ? `the pod does not disable automounting and ServiceAccount ${name} enables it`
    : `neither the pod nor ServiceAccount ${name} disables automounting`;
}

export const serviceAccountTokenAutomounted = workloadCheck(
  {
    id: 'service-account-token-automounted',
    title: 'Service account token mounted into pods',
    rationale:
      'Unless automounting is disabled, every container gets an API token for its ServiceAccount. Most ' +
      'applications never call the Kubernetes API, but anyone who compromises them can use the token to act ' +
      'with whatever rights the account has been granted, now or later.',
    severity: Severity.Medium,
    layer: Layer.Application,
    phase: Phase.Runtime,
    principles: [Principle.LeastPrivilege, Principle.Authentication],
    references: {
      cis: ['5.1.6'],
      nsa: ['pod-security/service-account-tokens'],
      mitre: ['T1528'],
      polaris: ['automountServiceAccountToken'],
      kubescape: ['C-0034', 'C-0190'],
    },
    remediation: {
      text:
        'Set `automountServiceAccountToken: false` on the pod (or on its ServiceAccount) unless the application ' +
        'calls the Kubernetes API; where it does, give it a dedicated ServiceAccount with minimal rights.',
      patch: ['spec:', '  automountServiceAccountToken: false'].join('\n'),
    },
  },
  { requires: ['ServiceAccount'] },
  (workload, inventory) => {
    const setting = workload.podSpec.automountServiceAccountToken;
    if (setting === false) {
      return undefined;
    }
    const { name } = serviceAccountOf(workload);
    const reason =
      setting === true
        ? `the pod sets automountServiceAccountToken to true, overriding ServiceAccount ${name}`
        : serviceAccountReason(workload, inventory, name);
    if (!reason) {
      return undefined;
    }
    return {
      message: `Pods of ${workload.object.kind} ${workload.object.metadata.name ?? ''} get a token of ServiceAccount ${name} mounted: ${reason}`,
      path: `${workload.specPath}.automountServiceAccountToken`,
      ...(setting !== undefined && { value: setting }),
    };
  },
);
