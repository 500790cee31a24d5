/** What a read answers with: the objects, their metadata only, or nothing the client accepts. */
export type Representation = 'object' | 'partialObjectMetadata' | 'notAcceptable';

export const PARTIAL_OBJECT_METADATA_GROUP_VERSION = 'meta.k8s.io/v1';

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

/**
 * Content negotiation of the API server for reads, in the client's order of preference: plain JSON,
 * or `application/json;as=PartialObjectMetadata[List];g=meta.k8s.io;v=v1` (the List form for lists,
 * the single form for gets). Protobuf, YAML and Table are not served and so are skipped.
 */
export function negotiate(accept: string | undefined, isList: boolean): Representation {
  if (accept === undefined || accept.trim() === '') {
    return 'object';
  }
  for (const mediaRange of accept.split(',')) {
    const [type = '', ...parameters] = mediaRange.split(';').map((part) => part.trim());
    if (!JSON_TYPES.has(type.toLowerCase())) {
      continue;
    }
    const params = new Map(parameters.map((parameter) => parameter.split('=', 2) as [string, string]));
    const as = params.get('as');
    if (as === undefined) {
      return 'object';
    }
    const wanted = isList ? 'PartialObjectMetadataList' : 'PartialObjectMetadata';
    if (as === wanted && `${params.get('g')}/${params.get('v')}` === PARTIAL_OBJECT_METADATA_GROUP_VERSION) {
      return 'partialObjectMetadata';
    }
  }
  return 'notAcceptable';
}

export function partialObjectMetadata(object: { metadata?: unknown }): object {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: PARTIAL_OBJECT_METADATA_GROUP_VERSION,
    metadata: object.metadata,
  };
}
