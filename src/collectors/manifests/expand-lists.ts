import { isRecord } from '../../engine/inventory/guards';

export interface DocumentItem {
  value: unknown;
  /** Path of the item inside its document: [] for the document itself, ['items', 3] for a list item. */
  prefix: (string | number)[];
}

/**
 * Turns one parsed document into the objects it holds: itself, the items of a `kind: List` or `*List`
 * (`kubectl get -o json|yaml`, API list responses whose items carry no kind), or the elements of an array.
 */
export function expandDocument(value: unknown): DocumentItem[] {
  if (Array.isArray(value)) {
    return (value as unknown[]).map((element, index) => ({ value: element, prefix: [index] }));
  }
  if (!isRecord(value) || typeof value['kind'] !== 'string' || !value['kind'].endsWith('List')) {
    return [{ value, prefix: [] }];
  }
  if (!Array.isArray(value['items'])) {
    return [{ value, prefix: [] }];
  }
  const itemKind = value['kind'] === 'List' ? undefined : value['kind'].slice(0, -'List'.length);
  const apiVersion = value['apiVersion'];
  return value['items'].map((item: unknown, index) => ({
    value:
      isRecord(item) && itemKind !== undefined
        ? { kind: itemKind, ...(typeof apiVersion === 'string' && { apiVersion }), ...item }
        : item,
    prefix: ['items', index],
  }));
}
