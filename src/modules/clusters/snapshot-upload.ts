import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../collectors/manifests/limits';
import { parseManifests } from '../../collectors/manifests/parse-manifests';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { type InputError, InputErrorCode } from '../../engine/input-error';
import type { KubeObject } from '../../engine/kube-types';

const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];
const JSON_MEDIA_TYPE = 'application/json';
/** JSON read raw (not by the 1 MiB JSON body parser), for uploads up to the snapshot limit. */
const RAW_JSON_MEDIA_TYPE = 'application/vnd.kubeassay.snapshot+json';
export const SNAPSHOT_MEDIA_TYPES = [...YAML_MEDIA_TYPES, JSON_MEDIA_TYPE, RAW_JSON_MEDIA_TYPE];

const MANIFESTS_AS_JSON = {
  oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
  description: 'A Kubernetes object, a List (`kubectl get -o json`), or an array of those.',
};
const MANIFESTS_AS_TEXT = { type: 'string', description: 'Multi-document YAML (`kubectl get -o yaml`).' };

/** The upload in the API document: one schema per media type, since the body parser differs by type. */
export const SNAPSHOT_REQUEST_BODY = {
  required: true,
  description:
    'Any malformed document rejects the whole upload (422, naming its lines). application/json is bounded by ' +
    'the JSON body limit; larger JSON goes as application/vnd.kubeassay.snapshot+json.',
  content: {
    ...Object.fromEntries(YAML_MEDIA_TYPES.map((type) => [type, { schema: MANIFESTS_AS_TEXT }])),
    [JSON_MEDIA_TYPE]: { schema: MANIFESTS_AS_JSON },
    [RAW_JSON_MEDIA_TYPE]: { schema: MANIFESTS_AS_JSON },
  },
};

/** Errors listed in the message; `details.errors` carries more, up to its own bound. */
const ERRORS_IN_MESSAGE = 3;
const ERRORS_IN_DETAILS = 100;

/** An upload as the manifest parser reads it: text, and a file name whose extension picks the syntax. */
export interface SnapshotUpload {
  text: string;
  fileName: 'upload.yaml' | 'upload.json';
  sizeBytes: number;
}

/** Turns the request body into text; the body parsers chose its shape from the same content type. */
export function readSnapshotUpload(contentType: string | undefined, body: unknown): SnapshotUpload {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === JSON_MEDIA_TYPE) {
    // Already parsed (and bounded) by the JSON body parser: one code path, so re-serialize it.
    const text = body === undefined ? '' : JSON.stringify(body);
    return { text, fileName: 'upload.json', sizeBytes: Buffer.byteLength(text) };
  }
  if (YAML_MEDIA_TYPES.includes(mediaType) || mediaType === RAW_JSON_MEDIA_TYPE) {
    // The raw parser leaves no Buffer when there was no body at all.
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    if (bytes.subarray(0, 8192).includes(0)) {
      throw malformed([
        { code: InputErrorCode.BinaryFile, message: 'binary content, not YAML or JSON', line: 1 },
      ]);
    }
    const fileName = mediaType === RAW_JSON_MEDIA_TYPE ? 'upload.json' : 'upload.yaml';
    return { text: bytes.toString('utf8'), fileName, sizeBytes: bytes.length };
  }
  throw new DomainError(
    ErrorCode.UnsupportedMediaType,
    `a snapshot is sent as one of: ${SNAPSHOT_MEDIA_TYPES.join(', ')}` +
      (mediaType ? ` (not ${mediaType})` : ' (the request has no Content-Type)'),
  );
}

/** The Kubernetes objects of an upload; any input error rejects the whole upload, naming its lines. */
export function parseSnapshotObjects(
  upload: SnapshotUpload,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): KubeObject[] {
  const parsed = parseManifests(upload.text, upload.fileName, limits);
  if (parsed.errors.length > 0) {
    throw malformed(parsed.errors);
  }
  if (parsed.objects.length === 0) {
    throw new DomainError(ErrorCode.SnapshotEmpty, 'the snapshot contains no Kubernetes objects');
  }
  return parsed.objects.map((sourced) => sourced.object);
}

function malformed(errors: readonly InputError[]): DomainError {
  const described = errors
    .slice(0, ERRORS_IN_MESSAGE)
    .map((error) => `line ${error.line ?? 1}: ${error.message}`)
    .join('; ');
  const more = errors.length > ERRORS_IN_MESSAGE ? ` (and ${errors.length - ERRORS_IN_MESSAGE} more)` : '';
  return new DomainError(ErrorCode.SnapshotMalformed, `the snapshot is malformed: ${described}${more}`, {
    errors: errors
      .slice(0, ERRORS_IN_DETAILS)
      .map((error) => ({ code: error.code, message: error.message, line: error.line ?? 1 })),
    errorCount: errors.length,
  });
}
