import { withoutFields } from './object-store';
import type { KubeObject } from './types';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object as a cluster managed with `kubectl apply` stores it: managedFields on everything, and on
 * what a person applied (no owner, not a Node) the last-applied annotation, a JSON copy of the manifest
 * that repeats its data, ConfigMap values included.
 */
export function withServerSideFields(object: KubeObject): KubeObject {
  const metadata = object.metadata;
  const appliedByPerson = metadata['ownerReferences'] === undefined && object.kind !== 'Node';
  const time = (metadata['creationTimestamp'] as string | undefined) ?? '2024-03-01T00:00:00Z';
  const annotations = { ...(metadata['annotations'] as Record<string, string> | undefined) };
  if (appliedByPerson) {
    annotations[LAST_APPLIED] = lastAppliedConfiguration(object);
  }
  return {
    ...object,
    metadata: {
      ...metadata,
      ...(Object.keys(annotations).length > 0 && { annotations }),
      managedFields: managedFields(object, time, appliedByPerson),
    },
  };
}

function lastAppliedConfiguration(object: KubeObject): string {
  const metadata = object.metadata;
  const applied = {
    ...withoutFields(object, ['metadata', 'status']),
    metadata: {
      annotations: {},
      ...(metadata['labels'] !== undefined && { labels: metadata['labels'] }),
      name: metadata.name,
      ...(metadata.namespace !== undefined && { namespace: metadata.namespace }),
    },
  };
  return `${JSON.stringify(applied)}\n`;
}

function managedFields(object: KubeObject, time: string, appliedByPerson: boolean): object[] {
  const writer = appliedByPerson ? 'kubectl-client-side-apply' : 'kube-controller-manager';
  const entries: object[] = [
    {
      manager: writer,
      operation: 'Update',
      apiVersion: object.apiVersion,
      time,
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { '.': {} } },
        ...(object['spec'] !== undefined && { 'f:spec': {} }),
      },
    },
  ];
  if (object['status'] !== undefined) {
    entries.push({
      manager: object.kind === 'Node' ? 'kubelet' : 'kube-controller-manager',
      operation: 'Update',
      apiVersion: object.apiVersion,
      time,
      fieldsType: 'FieldsV1',
      fieldsV1: { 'f:status': {} },
      subresource: 'status',
    });
  }
  return entries;
}
