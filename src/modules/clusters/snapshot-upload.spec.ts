import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-code';
import { parseSnapshotObjects, readSnapshotUpload } from './snapshot-upload';

function failure(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('snapshot uploads', () => {
  it('reads YAML and raw JSON bytes as text and parsed JSON by re-serializing it', () => {
    const yaml = readSnapshotUpload('application/yaml; charset=utf-8', Buffer.from('kind: Pod\n'));
    expect(yaml).toEqual({ text: 'kind: Pod\n', fileName: 'upload.yaml', sizeBytes: 10 });
    const raw = readSnapshotUpload('application/vnd.kubeassay.snapshot+json', Buffer.from('[]'));
    expect(raw.fileName).toBe('upload.json');
    const parsed = readSnapshotUpload('Application/JSON', [{ kind: 'Pod' }]);
    expect(parsed).toEqual({ text: '[{"kind":"Pod"}]', fileName: 'upload.json', sizeBytes: 16 });
  });

  it('names the accepted media types when the content type is another or missing', () => {
    const other = failure(() => readSnapshotUpload('text/plain', 'kind: Pod'));
    expect(other.code).toBe(ErrorCode.UnsupportedMediaType);
    expect(other.message).toMatch(/application\/yaml.*\(not text\/plain\)$/);
    expect(failure(() => readSnapshotUpload(undefined, undefined)).message).toMatch(/no Content-Type/);
  });

  it('lists three errors in the message and at most 100 in the details, with the total', () => {
    const text = Array.from({ length: 150 }, (_, index) => `metadata: {name: n${index}}`).join('\n---\n');
    const error = failure(() =>
      parseSnapshotObjects({ text, fileName: 'upload.yaml', sizeBytes: text.length }),
    );
    expect(error.code).toBe(ErrorCode.SnapshotMalformed);
    expect(error.message).toBe(
      'the snapshot is malformed: line 1: document has no kind; line 3: document has no kind; ' +
        'line 5: document has no kind (and 147 more)',
    );
    expect(error.details?.['errors']).toHaveLength(100);
    expect(error.details?.['errorCount']).toBe(150);
  });

  it('returns the objects of Lists and arrays, and refuses an upload without any', () => {
    const text = '{"kind": "List", "items": [{"kind": "Pod"}, {"kind": "Service"}]}';
    const objects = parseSnapshotObjects({ text, fileName: 'upload.json', sizeBytes: text.length });
    expect(objects.map((object) => object.kind)).toEqual(['Pod', 'Service']);
    const empty = failure(() =>
      parseSnapshotObjects({ text: '---\n', fileName: 'upload.yaml', sizeBytes: 4 }),
    );
    expect(empty.code).toBe(ErrorCode.SnapshotEmpty);
  });
});
