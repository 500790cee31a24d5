import type { KubeObject } from './kube-types';

/** Findings on system components are exempt by default: the platform owns them, not the client. */
export interface DefaultExemptions {
  namespaces: readonly string[];
  /** Name prefixes of objects the platform creates (`system:` roles and bindings). */
  namePrefixes: readonly string[];
}

export const DEFAULT_EXEMPTIONS: DefaultExemptions = {
  namespaces: ['kube-system', 'kube-public', 'kube-node-lease'],
  namePrefixes: ['system:'],
};

export const NO_EXEMPTIONS: DefaultExemptions = { namespaces: [], namePrefixes: [] };

export function isExempt(object: KubeObject, exemptions: DefaultExemptions): boolean {
  const { name } = object.metadata;
  const namespace = object.kind === 'Namespace' ? name : object.metadata.namespace;
  return (
    (namespace !== undefined && exemptions.namespaces.includes(namespace)) ||
    (name !== undefined && exemptions.namePrefixes.some((prefix) => name.startsWith(prefix)))
  );
}
