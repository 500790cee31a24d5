import type { Violation } from '../../check';
import { asArray, isRecord } from '../../inventory/guards';
import {
  type ContainerView,
  effectiveSetting,
  securityContextOf,
  type Workload,
} from '../../inventory/workloads';
import type { Container, PodSecurityContext } from '../../kube-types';

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

/** Kubernetes minor version of the scanned cluster (`v1.29.4-gke.1` → 29), when the source knows it. */
export function kubernetesMinor(version: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Capability names as the runtime reads them: case-insensitive, with or without the `CAP_` prefix. */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export interface CapabilityEntry {
  /** Normalized name, e.g. `SYS_ADMIN`. */
  name: string;
  raw: string;
  path: string;
}

/**
 * Capabilities a container adds, each once (spellings of one capability count as one). A bare string instead of a list is read as a one-item list: the API would
 * reject it, but the intent to add the capability is plain and must not pass unnoticed.
 */
export function addedCapabilities(view: ContainerView): CapabilityEntry[] {
  const capabilities = securityContextOf(view.container).capabilities;
  const add: unknown = isRecord(capabilities) ? capabilities.add : undefined;
  const basePath = `${view.path}.securityContext.capabilities.add`;
  if (typeof add === 'string') {
    return [{ name: normalizeCapability(add), raw: add, path: basePath }];
  }
  const seen = new Set<string>();
  return asArray<unknown>(add).flatMap((raw, index) => {
    if (typeof raw !== 'string' || seen.has(normalizeCapability(raw))) {
      return [];
    }
    seen.add(normalizeCapability(raw));
    return [{ name: normalizeCapability(raw), raw, path: `${basePath}[${index}]` }];
  });
}

/** Capabilities a container drops. Only a well-formed list counts: a malformed drop list protects nothing. */
export function droppedCapabilities(container: Container): Set<string> {
  const capabilities = securityContextOf(container).capabilities;
  const drop: unknown = isRecord(capabilities) ? capabilities.drop : undefined;
  return new Set(
    asArray<unknown>(drop).flatMap((raw) => (typeof raw === 'string' ? [normalizeCapability(raw)] : [])),
  );
}

/**
 * The capabilities containerd and Docker grant by default (CRI-O grants a subset). Dropping all of them is as
 * good as dropping ALL.
 */
export const DEFAULT_CAPABILITIES: readonly string[] = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** Whether a container ends up with none of the default capabilities (it may still add some back). */
export function dropsAllDefaultCapabilities(container: Container): boolean {
  const dropped = droppedCapabilities(container);
  return dropped.has('ALL') || DEFAULT_CAPABILITIES.every((capability) => dropped.has(capability));
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

/** A user or group id of 0. A numeric string is read as the number it spells. */
export function isRootId(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && value.trim() === '0');
}

export interface HostPathVolume {
  name: string;
  /** The path as written. */
  path: string;
  /**
   * Absolute, without `.`/`..` segments, duplicate or trailing slashes, `/var/run` folded into `/run`;
   * undefined when no path is given (the API rejects that, so the volume never mounts anything).
   */
  normalizedPath: string | undefined;
  /** Evidence path of `hostPath.path` (or of `hostPath` when it has no path). */
  evidencePath: string;
}

const hostPathCache = new WeakMap<Workload, HostPathVolume[]>();

/** The hostPath volumes of a pod template, computed once per workload. */
export function hostPathVolumes(workload: Workload): HostPathVolume[] {
  let volumes = hostPathCache.get(workload);
  if (!volumes) {
    volumes = readHostPathVolumes(workload);
    hostPathCache.set(workload, volumes);
  }
  return volumes;
}

function readHostPathVolumes(workload: Workload): HostPathVolume[] {
  return asArray<unknown>(workload.podSpec.volumes).flatMap((volume, index) => {
    if (!isRecord(volume) || volume['hostPath'] === undefined || volume['hostPath'] === null) {
      return [];
    }
    const hostPath = volume['hostPath'];
    const rawPath = isRecord(hostPath) && typeof hostPath['path'] === 'string' ? hostPath['path'] : '';
    const volumePath = `${workload.specPath}.volumes[${index}].hostPath`;
    return [
      {
        name: typeof volume['name'] === 'string' ? volume['name'] : `volumes[${index}]`,
        path: rawPath,
        normalizedPath: rawPath ? normalizeHostPath(rawPath) : undefined,
        evidencePath: rawPath ? `${volumePath}.path` : volumePath,
      },
    ];
  });
}

/** Normalizes a node path for comparison; a relative path is read as if it started at `/`. */
export function normalizeHostPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  const normalized = `/${segments.join('/')}`;
  // On every mainstream distribution /var/run is a symlink to /run.
  return normalized === '/var/run' || normalized.startsWith('/var/run/') ? normalized.slice(4) : normalized;
}

/** Whether `path` is `root` or lies below it (both normalized). */
export function isSameOrUnder(path: string, root: string): boolean {
  return root === '/' || path === root || path.startsWith(`${root}/`);
}
