import type { SourcedObject } from './inventory/inventory';

export interface NamespaceScope {
  include?: readonly string[];
  exclude?: readonly string[];
}

/** Keeps cluster-scoped objects and the namespaced objects (and Namespace objects) the scope allows. */
export function inNamespaceScope(scope: NamespaceScope): (entry: SourcedObject) => boolean {
  const include = scope.include && scope.include.length > 0 ? new Set(scope.include) : undefined;
  const exclude = new Set(scope.exclude ?? []);
  return ({ object }) => {
    const namespace = object.kind === 'Namespace' ? object.metadata.name : object.metadata.namespace;
    if (namespace === undefined) {
      return true;
    }
    return (!include || include.has(namespace)) && !exclude.has(namespace);
  };
}
