import type { LabelSelector, Labels } from '../kube-types';
import { isRecord } from './guards';

/**
 * Whether a label selector selects a set of labels, with Kubernetes semantics: an empty selector selects
 * everything, a missing or malformed one selects nothing.
 */
export function selects(selector: LabelSelector | undefined | null, labels: Labels | undefined): boolean {
  if (!isRecord(selector)) {
    return false;
  }
  const actual = labels ?? {};
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  for (const [key, value] of Object.entries(matchLabels)) {
    if (actual[key] !== value) {
      return false;
    }
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  return expressions.every((requirement) => {
    if (!isRecord(requirement) || typeof requirement.key !== 'string') {
      return false;
    }
    const value = actual[requirement.key];
    const values = Array.isArray(requirement.values) ? requirement.values : [];
    switch (requirement.operator) {
      case 'In':
        return value !== undefined && values.includes(value);
      case 'NotIn':
        return value === undefined || !values.includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
}

/** A Service-style selector (a plain label map): selects when every pair matches; empty selects nothing. */
export function mapSelects(selector: Labels | undefined | null, labels: Labels | undefined): boolean {
  if (!isRecord(selector) || Object.keys(selector).length === 0) {
    return false;
  }
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}
