import { dig, shown } from './fields';

describe('untrusted fields', () => {
  it('reads nested fields and shows values', () => {
    expect(dig({ a: { b: 1 } }, 'a', 'b')).toBe(1);
    expect(dig({ a: 'x' }, 'a', 'b')).toBeUndefined();
    expect(shown('Never')).toBe('Never');
    expect(shown({ a: 1 })).toBe('{"a":1}');
  });
});
