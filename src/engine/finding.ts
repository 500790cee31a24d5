import { createHash } from 'node:crypto';
import type { KubeObject } from './kube-types';
import type { Layer, Phase, Principle, Remediation, Severity } from './model';

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface FindingSource {
  file: string;
  line: number;
  template?: string;
}

export enum FindingStatus {
  Open = 'open',
  Accepted = 'accepted',
}

export interface Finding {
  check: string;
  title: string;
  severity: Severity;
  layer: Layer;
  phase: Phase;
  principles: readonly Principle[];
  resource: ResourceRef;
  container?: string;
  message: string;
  evidence: { path: string; value?: unknown };
  remediation: Remediation;
  /** Stable across runs: check, scope, resource identity, container and the distinguishing detail. */
  fingerprint: string;
  source?: FindingSource;
  status: FindingStatus;
  /** The exception that accepted the finding. */
  exception?: { id: string; justification: string; expires?: string };
}

export function resourceRef(object: KubeObject): ResourceRef {
  const ref: ResourceRef = {
    apiVersion: object.apiVersion ?? '',
    kind: object.kind,
    name: object.metadata.name ?? object.metadata.generateName ?? '',
  };
  if (object.metadata.namespace) {
    ref.namespace = object.metadata.namespace;
  }
  return ref;
}

/** The API group of an apiVersion (`apps/v1` → `apps`, `v1` → ``): versions change, identity does not. */
export function apiGroup(apiVersion: string | undefined): string {
  if (apiVersion === undefined) {
    return '';
  }
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export interface FingerprintParts {
  /** Whatever the caller scopes identity to (a cluster id in the service, empty in the CLI). */
  scope: string;
  check: string;
  resource: ResourceRef;
  container?: string;
  detail: string;
}

export function fingerprint(parts: FingerprintParts): string {
  const { resource } = parts;
  const key = [
    parts.scope,
    parts.check,
    apiGroup(resource.apiVersion),
    resource.kind,
    resource.namespace ?? '',
    resource.name,
    parts.container ?? '',
    parts.detail,
  ].join('\u0000');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Evidence paths without list indexes, so reordering containers or volumes keeps fingerprints stable. */
export function stableDetail(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}
