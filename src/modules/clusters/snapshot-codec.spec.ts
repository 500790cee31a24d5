import { decodeSnapshot, encodeSnapshot } from './snapshot-codec';

describe('snapshot codec', () => {
  it('round-trips any number of objects and counts the JSON bytes it compressed', async () => {
    for (const count of [0, 1, 199, 200, 201, 1_000]) {
      const objects = Array.from({ length: count }, (_, index) => ({
        kind: 'Pod',
        metadata: { name: `pod-${index}`, labels: { note: 'é' } },
      }));
      const { content, jsonBytes } = await encodeSnapshot(objects);
      expect(decodeSnapshot(content)).toEqual(objects);
      expect(jsonBytes).toBe(Buffer.byteLength(JSON.stringify(objects)));
    }
  });
});
