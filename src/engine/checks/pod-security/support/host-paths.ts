import { asArray, isRecord } from '../../../inventory/guards';
import type { Workload } from '../../../inventory/workloads';

/** A hostPath volume of a pod template. */
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
