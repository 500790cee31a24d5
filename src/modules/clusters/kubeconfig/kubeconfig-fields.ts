import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';

/** One mapping of the kubeconfig (a cluster, a user, a context) and where it sits, for error messages. */
export interface KubeconfigEntry {
  fields: Record<string, unknown>;
  /** e.g. `users[1].user`: positions, never names, so a message echoes nothing the caller sent. */
  path: string;
}

/**
 * A refusal that names the field and never its value: the value may be a credential, and error messages end up
 * in responses and logs.
 */
export function kubeconfigError(code: ErrorCode, field: string, reason: string): DomainError {
  return new DomainError(code, `${field} ${reason}`, { field });
}

/** As client-go reads a kubeconfig: an empty or null value is the same as an absent one. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function stringField(entry: KubeconfigEntry, key: string): string | undefined {
  const value = entry.fields[key];
  if (!isSet(value)) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, `${entry.path}.${key}`, 'must be a string');
  }
  return value;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A `*-data` field: standard padded base64, as client-go decodes it; line breaks inside are dropped. */
export function base64Field(entry: KubeconfigEntry, key: string): string | undefined {
  const value = stringField(entry, key)?.replace(/\s+/g, '');
  if (value === undefined || value === '') {
    return undefined;
  }
  if (!BASE64.test(value)) {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, `${entry.path}.${key}`, 'must be base64');
  }
  return value;
}
