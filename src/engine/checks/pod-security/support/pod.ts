import type { Violation } from '../../../check';
import { isRecord } from '../../../inventory/guards';
import type { Workload } from '../../../inventory/workloads';
import type { PodSecurityContext } from '../../../kube-types';

/** The pod-level security context, or an empty one when it is absent or malformed. */
export function podSecurityContextOf(workload: Workload): PodSecurityContext {
  return isRecord(workload.podSpec.securityContext) ? workload.podSpec.securityContext : {};
}

/** Linux-only settings (users, capabilities, seccomp, AppArmor, SELinux) do not apply to Windows pods. */
export function isWindowsPod(workload: Workload): boolean {
  const os = workload.podSpec.os;
  return isRecord(os) && typeof os.name === 'string' && os.name.toLowerCase() === 'windows';
}

/**
 * A switch that turns on something dangerous. A quoted "true" never passes API validation, but a manifest that
 * says it clearly means it, so it is read as on rather than silently passed.
 */
export function isSwitchedOn(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** A pod-level switch such as hostPID, reported when it is on. */
export function podSwitchViolation(
  workload: Workload,
  field: 'hostPID' | 'hostIPC' | 'hostNetwork',
  message: string,
): Violation | undefined {
  const value = workload.podSpec[field];
  return isSwitchedOn(value) ? { message, path: `${workload.specPath}.${field}`, value } : undefined;
}

/** Evidence path of the pod template's metadata, e.g. `spec.template.metadata` or `metadata` for a Pod. */
export function podMetadataPath(workload: Workload): string {
  const templatePath = workload.specPath.replace(/\.?spec$/, '');
  return templatePath ? `${templatePath}.metadata` : 'metadata';
}

export interface AnnotationReading {
  value: string;
  path: string;
}

/** A pod template annotation with its evidence path; undefined when absent or not a string. */
export function podAnnotation(workload: Workload, key: string): AnnotationReading | undefined {
  const annotations: unknown = workload.podMetadata.annotations;
  const value = isRecord(annotations) ? annotations[key] : undefined;
  if (typeof value !== 'string') {
    return undefined;
  }
  return { value, path: `${podMetadataPath(workload)}.annotations["${key}"]` };
}

/** A user or group id of 0. A numeric string is read as the number it spells. */
export function isRootId(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && value.trim() === '0');
}
