import type { KubeObject } from '../kube-types';
import { isRecord } from './guards';

export type KubeObjectOrProblem = { object: KubeObject } | { problem: string };

/** Accepts a parsed document as a Kubernetes object, or says why it is not one. */
export function toKubeObject(value: unknown): KubeObjectOrProblem {
  if (!isRecord(value)) {
    return { problem: `document is ${describe(value)}, not an object` };
  }
  if (typeof value['kind'] !== 'string' || value['kind'] === '') {
    return { problem: 'document has no kind' };
  }
  if (value['apiVersion'] !== undefined && typeof value['apiVersion'] !== 'string') {
    return { problem: 'apiVersion is not a string' };
  }
  const metadata = value['metadata'];
  if (metadata !== undefined && !isRecord(metadata)) {
    return { problem: 'metadata is not an object' };
  }
  const meta = metadata ?? {};
  for (const field of ['name', 'namespace', 'uid', 'generateName']) {
    if (meta[field] !== undefined && typeof meta[field] !== 'string') {
      return { problem: `metadata.${field} is not a string` };
    }
  }
  for (const field of ['labels', 'annotations']) {
    if (meta[field] !== undefined && meta[field] !== null && !isRecord(meta[field])) {
      return { problem: `metadata.${field} is not a map` };
    }
  }
  return { object: { ...value, kind: value['kind'], metadata: meta } as KubeObject };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) {
    return 'empty';
  }
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
