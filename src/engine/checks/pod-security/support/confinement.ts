import { isRecord } from '../../../inventory/guards';
import {
  type ContainerView,
  effectiveSetting,
  securityContextOf,
  type Workload,
} from '../../../inventory/workloads';
import { type AnnotationReading, podAnnotation } from './pod';

/** Kubernetes minor version of the scanned cluster (`v1.29.4-gke.1` → 29), when the source knows it. */
export function kubernetesMinor(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

/** How a Linux security module profile ends up for a container. */
export enum Confinement {
  Confined = 'confined',
  Unconfined = 'unconfined',
  /** Nothing set: the runtime's default applies (seccomp: Unconfined unless the kubelet defaults it). */
  Unset = 'unset',
  /** Set to something the kubelet cannot apply. */
  Invalid = 'invalid',
}

export interface ConfinementReading {
  confinement: Confinement;
  /** Where the deciding value is set (or where it would be set on the container). */
  path: string;
  value?: unknown;
}

function fromProfileField(value: unknown, path: string): ConfinementReading {
  const type = isRecord(value) ? value['type'] : undefined;
  if (type === 'RuntimeDefault' || type === 'Localhost') {
    return { confinement: Confinement.Confined, path: `${path}.type`, value: type };
  }
  if (type === 'Unconfined') {
    return { confinement: Confinement.Unconfined, path: `${path}.type`, value: type };
  }
  return { confinement: Confinement.Invalid, path, value };
}

function fromAnnotation(annotation: AnnotationReading, confinedValues: RegExp): ConfinementReading {
  const value = annotation.value.trim();
  if (confinedValues.test(value)) {
    return { confinement: Confinement.Confined, path: annotation.path, value: annotation.value };
  }
  const confinement = value.toLowerCase() === 'unconfined' ? Confinement.Unconfined : Confinement.Invalid;
  return { confinement, path: annotation.path, value: annotation.value };
}

const SECCOMP_ANNOTATION_VALUES = /^(runtime\/default|docker\/default|localhost\/.+)$/;

/** Kubernetes 1.27 stopped copying the deprecated seccomp annotations into the seccompProfile fields. */
const LAST_MINOR_HONOURING_SECCOMP_ANNOTATIONS = 26;

function ownSetting(view: ContainerView, field: 'seccompProfile' | 'appArmorProfile'): unknown {
  const value = securityContextOf(view.container)[field];
  return value === null ? undefined : value;
}

/** Whether the deprecated seccomp annotations take effect: before 1.27, or assumed when the version is unknown. */
export function seccompAnnotationsHonoured(clusterVersion: string | undefined): boolean {
  const minor = kubernetesMinor(clusterVersion);
  return minor === undefined || minor <= LAST_MINOR_HONOURING_SECCOMP_ANNOTATIONS;
}

/**
 * The seccomp profile a container runs with, in the order the API server resolves it: container field,
 * container annotation, pod field, pod annotation (the annotations only where they are honoured).
 */
export function effectiveSeccomp(
  workload: Workload,
  view: ContainerView,
  clusterVersion?: string,
): ConfinementReading {
  const annotationsHonoured = seccompAnnotationsHonoured(clusterVersion);
  const own = ownSetting(view, 'seccompProfile');
  if (own !== undefined) {
    return fromProfileField(own, `${view.path}.securityContext.seccompProfile`);
  }
  const containerAnnotation = podAnnotation(
    workload,
    `container.seccomp.security.alpha.kubernetes.io/${view.name}`,
  );
  if (containerAnnotation && annotationsHonoured) {
    return fromAnnotation(containerAnnotation, SECCOMP_ANNOTATION_VALUES);
  }
  const pod = effectiveSetting(workload, view, 'seccompProfile');
  if (pod.value !== undefined) {
    return fromProfileField(pod.value, pod.path);
  }
  const podLevelAnnotation = podAnnotation(workload, 'seccomp.security.alpha.kubernetes.io/pod');
  if (podLevelAnnotation && annotationsHonoured) {
    return fromAnnotation(podLevelAnnotation, SECCOMP_ANNOTATION_VALUES);
  }
  return { confinement: Confinement.Unset, path: `${view.path}.securityContext.seccompProfile` };
}

const APPARMOR_ANNOTATION_VALUES = /^(runtime\/default|localhost\/.+)$/;

/** The AppArmor profile of a container: container field, then its (deprecated) annotation, then the pod field. */
export function effectiveAppArmor(workload: Workload, view: ContainerView): ConfinementReading {
  const own = ownSetting(view, 'appArmorProfile');
  if (own !== undefined) {
    return fromProfileField(own, `${view.path}.securityContext.appArmorProfile`);
  }
  const annotation = podAnnotation(workload, `container.apparmor.security.beta.kubernetes.io/${view.name}`);
  if (annotation) {
    return fromAnnotation(annotation, APPARMOR_ANNOTATION_VALUES);
  }
  const pod = effectiveSetting(workload, view, 'appArmorProfile');
  if (pod.value !== undefined) {
    return fromProfileField(pod.value, pod.path);
  }
  return { confinement: Confinement.Unset, path: `${view.path}.securityContext.appArmorProfile` };
}
