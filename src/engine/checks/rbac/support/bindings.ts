import { type Check, objectCheck, type Violation } from '../../../check';
import { isRecord } from '../../../inventory/guards';
import type { Inventory } from '../../../inventory/inventory';
import type { KubeObject } from '../../../kube-types';
import type { CheckMeta } from '../../../model';
import { PLATFORM_OBJECT_NAMES, ROLE_KINDS, type RoleRef } from './roles';
import { granteesOf, subjectsOf, type SubjectView } from './subjects';

export const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'] as const;

/** The binding's roleRef, or what is wrong with it (the API server would refuse the binding). */
export function roleRefOf(binding: KubeObject): RoleRef | { problem: string } {
  const ref = binding['roleRef'];
  if (!isRecord(ref)) {
    return { problem: 'it has no roleRef' };
  }
  const { kind, name } = ref;
  if (kind !== 'Role' && kind !== 'ClusterRole') {
    return { problem: `its roleRef.kind ${JSON.stringify(kind ?? null)} is neither Role nor ClusterRole` };
  }
  if (kind === 'Role' && binding.kind === 'ClusterRoleBinding') {
    return { problem: 'a ClusterRoleBinding cannot reference a Role' };
  }
  if (typeof name !== 'string' || name === '') {
    return { problem: 'its roleRef has no name' };
  }
  return { kind, name };
}

export function isPlatformBinding(binding: KubeObject): boolean {
  return PLATFORM_OBJECT_NAMES.has(binding.metadata.name ?? '');
}

/** The cluster's own `cluster-admin` ClusterRoleBinding, which grants cluster-admin to system:masters. */
export function isDefaultClusterAdminBinding(
  binding: KubeObject,
  ref: RoleRef | { problem: string },
): boolean {
  return (
    binding.kind === 'ClusterRoleBinding' &&
    binding.metadata.name === 'cluster-admin' &&
    'kind' in ref &&
    ref.kind === 'ClusterRole' &&
    ref.name === 'cluster-admin'
  );
}

/** `in namespace shop` or `cluster-wide`. */
export function bindingScope(binding: KubeObject): string {
  if (binding.kind === 'ClusterRoleBinding') {
    return 'cluster-wide';
  }
  const namespace = binding.metadata.namespace;
  return namespace ? `in namespace ${namespace}` : 'in the namespace it is applied to';
}

/** `ClusterRole edit` as the binding names it. */
export function roleRefLabel(ref: RoleRef): string {
  return `${ref.kind} ${ref.name}`;
}

/** `ClusterRole edit`, or `its role` when the roleRef is unusable. */
function grantedRoleLabel(binding: KubeObject): string {
  const ref = roleRefOf(binding);
  return 'kind' in ref ? roleRefLabel(ref) : 'its role';
}

/** `RoleBinding app-readers`. */
export function bindingLabel(binding: KubeObject): string {
  return `${binding.kind} ${binding.metadata.name ?? ''}`;
}

/** A binding with a usable roleRef and at least one subject that gains something from it. */
export interface EffectiveBinding {
  binding: KubeObject;
  ref: RoleRef;
  grantees: readonly SubjectView[];
}

/**
 * A check over every RoleBinding and ClusterRoleBinding that hands its role to someone (platform bindings,
 * unusable roleRefs and bindings whose only subject is system:masters are skipped). `judge` returns the message
 * when the grant is a finding; the evidence is `roleRef.name`.
 */
export function roleBindingCheck(
  meta: CheckMeta,
  judge: (grant: EffectiveBinding, inventory: Inventory) => string | undefined,
): Check {
  return objectCheck(meta, { kinds: BINDING_KINDS, requires: ROLE_KINDS }, (binding, inventory) => {
    const ref = roleRefOf(binding);
    const grantees = granteesOf(binding);
    if (isPlatformBinding(binding) || !('kind' in ref) || grantees.length === 0) {
      return undefined;
    }
    const message = judge({ binding, ref, grantees }, inventory);
    return message === undefined ? undefined : { message, path: 'roleRef.name', value: ref.name };
  });
}

/** Why a check reports one subject of a binding. */
export interface SubjectFinding {
  /** The subject as the message names it, e.g. `ServiceAccount shop/default`. */
  subject: string;
  /** Ends the message: what holding the role through this subject means. */
  consequence: string;
  detail: string;
}

/**
 * A check over every binding (platform bindings aside) that reports, once per subject, the subjects `judge`
 * picks: `<binding> grants <role> to <subject> <scope>: <consequence>`, with the subject entry as evidence.
 */
export function bindingSubjectCheck(
  meta: CheckMeta,
  judge: (subject: SubjectView, binding: KubeObject) => SubjectFinding | undefined,
): Check {
  return objectCheck(meta, { kinds: BINDING_KINDS }, (binding) => {
    if (isPlatformBinding(binding)) {
      return undefined;
    }
    return subjectsOf(binding).flatMap((subject): Violation[] => {
      const finding = judge(subject, binding);
      if (!finding) {
        return [];
      }
      const grant = `${bindingLabel(binding)} grants ${grantedRoleLabel(binding)} to ${finding.subject}`;
      return [
        {
          message: `${grant} ${bindingScope(binding)}: ${finding.consequence}`,
          path: subject.path,
          value: subject.raw,
          detail: finding.detail,
        },
      ];
    });
  });
}
