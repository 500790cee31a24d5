/**
 * Splits an evidence path such as `spec.containers[0].env[1].value` or `metadata.annotations["a.b/c"]` into
 * the keys and indexes that address the field.
 */
export function parseEvidencePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const match of path.matchAll(pattern)) {
    if (match[1] !== undefined) {
      segments.push(match[1]);
    } else if (match[2] !== undefined) {
      segments.push(Number(match[2]));
    } else if (match[3] !== undefined) {
      segments.push(match[3].replace(/\\(.)/g, '$1'));
    }
  }
  return segments;
}
