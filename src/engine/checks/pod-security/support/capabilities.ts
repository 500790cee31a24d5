import { type Check, containerCheck, type Violation } from '../../../check';
import { asArray, isRecord } from '../../../inventory/guards';
import { type ContainerView, securityContextOf } from '../../../inventory/workloads';
import type { Container } from '../../../kube-types';
import type { CheckMeta } from '../../../model';
import { isWindowsPod } from './pod';

/** Capability names as the runtime reads them: case-insensitive, with or without the `CAP_` prefix. */
export function normalizeCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

/** `securityContext.capabilities.add` or `.drop` as written, whatever its type. */
export function capabilityList(container: Container, list: 'add' | 'drop'): unknown {
  const capabilities = securityContextOf(container).capabilities;
  return isRecord(capabilities) ? capabilities[list] : undefined;
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
  const add = capabilityList(view.container, 'add');
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

/**
 * A check reporting, on Linux pods, each capability a container adds that `judge` picks:
 * `Container <name> adds <what judge says>`, with the capability entry as evidence.
 */
export function addedCapabilityCheck(
  meta: CheckMeta,
  judge: (capability: CapabilityEntry) => string | undefined,
): Check {
  return containerCheck(meta, { containers: 'all' }, (view, workload) => {
    if (isWindowsPod(workload)) {
      return undefined;
    }
    return addedCapabilities(view).flatMap((capability): Violation[] => {
      const added = judge(capability);
      return added === undefined
        ? []
        : [
            {
              message: `Container ${view.name} adds ${added}`,
              path: capability.path,
              value: capability.raw,
              detail: capability.name,
            },
          ];
    });
  });
}

/** Capabilities a container drops. Only a well-formed list counts: a malformed drop list protects nothing. */
export function droppedCapabilities(container: Container): Set<string> {
  return new Set(
    asArray<unknown>(capabilityList(container, 'drop')).flatMap((raw) =>
      typeof raw === 'string' ? [normalizeCapability(raw)] : [],
    ),
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
