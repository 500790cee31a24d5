import type { components } from '../../openapi/schema';

type Finding = components['schemas']['FindingDto'];

/** JSON with sorted keys: jsonb does not keep key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What identifies a finding independently of where it was scanned: fingerprints are scoped by cluster, so the
 * API's and the CLI's differ for the same finding.
 */
export const findingIdentity = (finding: Omit<Finding, 'id'>): string =>
  canonical({
    check: finding.check,
    resource: finding.resource,
    container: finding.container ?? null,
    message: finding.message,
    evidence: finding.evidence,
  });
