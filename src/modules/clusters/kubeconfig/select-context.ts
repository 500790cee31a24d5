import { ErrorCode } from '../../../common/errors/error-code';
import { isRecord } from '../../../engine/inventory/guards';
import { isSet, kubeconfigError, type KubeconfigEntry } from './kubeconfig-fields';

export interface SelectedContext {
  context: KubeconfigEntry;
  cluster: KubeconfigEntry;
  /** Absent when the context names no user: there are then no credentials. */
  user?: KubeconfigEntry;
}

/**
 * The cluster and user of the selected context (the given one, or `current-context`). Only these are read:
 * every other entry is ignored, whatever it holds, because nothing else is ever stored or used.
 */
export function selectContext(
  document: Record<string, unknown>,
  requested: string | undefined,
): SelectedContext {
  const name = requested ?? document['current-context'];
  if (typeof name !== 'string' || name === '') {
    throw kubeconfigError(
      ErrorCode.ClusterKubeconfigContextNotFound,
      'current-context',
      'is not set and no context was given',
    );
  }
  const context = namedEntry(document, 'contexts', 'context', name);
  if (!context) {
    throw kubeconfigError(
      ErrorCode.ClusterKubeconfigContextNotFound,
      'contexts',
      'has no entry named as selected',
    );
  }
  const cluster = referencedEntry(document, context, 'cluster', 'clusters');
  if (!cluster) {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, `${context.path}.cluster`, 'must be set');
  }
  const user = referencedEntry(document, context, 'user', 'users');
  return user ? { context, cluster, user } : { context, cluster };
}

/** The entry of `listKey` that the context's `key` names; undefined when the context names none. */
function referencedEntry(
  document: Record<string, unknown>,
  context: KubeconfigEntry,
  key: 'cluster' | 'user',
  listKey: 'clusters' | 'users',
): KubeconfigEntry | undefined {
  const name = context.fields[key];
  if (!isSet(name)) {
    return undefined;
  }
  const field = `${context.path}.${key}`;
  if (typeof name !== 'string') {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, field, 'must be a string');
  }
  const entry = namedEntry(document, listKey, key, name);
  if (!entry) {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, field, `names no entry of ${listKey}`);
  }
  return entry;
}

/**
 * The mapping under `innerKey` of the one `listKey` item called `name`. Two items with that name are refused
 * rather than resolved: kubectl refuses them too, and the first-match rule of @kubernetes/client-node would
 * otherwise let the checked entry and the used one differ.
 */
function namedEntry(
  document: Record<string, unknown>,
  listKey: 'clusters' | 'users' | 'contexts',
  innerKey: 'cluster' | 'user' | 'context',
  name: string,
): KubeconfigEntry | undefined {
  const list = document[listKey] ?? [];
  if (!Array.isArray(list)) {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, listKey, 'must be a list');
  }
  const indexes = list.flatMap((item: unknown, index) =>
    isRecord(item) && item['name'] === name ? [index] : [],
  );
  if (indexes.length > 1) {
    throw kubeconfigError(
      ErrorCode.ClusterKubeconfigMalformed,
      listKey,
      'has more than one entry named as selected',
    );
  }
  const [index] = indexes;
  if (index === undefined) {
    return undefined;
  }
  const path = `${listKey}[${index}].${innerKey}`;
  const fields: unknown = (list[index] as Record<string, unknown>)[innerKey] ?? {};
  if (!isRecord(fields)) {
    throw kubeconfigError(ErrorCode.ClusterKubeconfigMalformed, path, 'must be a mapping');
  }
  return { fields, path };
}
