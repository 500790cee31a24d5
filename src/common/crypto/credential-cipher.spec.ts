import { randomBytes } from 'node:crypto';
import { CredentialCipher, UnknownKeyError } from './credential-cipher';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('CredentialCipher', () => {
  const old = key('k1');
  const current = key('k2');
  const cipher = new CredentialCipher(current, [old]);

  it('opens what it sealed, under the current key id, without the plaintext in the data', () => {
    const sealed = cipher.seal('token-abc', 'cluster:1');
    expect(sealed.keyId).toBe('k2');
    expect(sealed.data.toString('latin1')).not.toContain('token-abc');
    expect(cipher.open(sealed, 'cluster:1')).toBe('token-abc');
  });

  it('uses a fresh iv each time', () => {
    expect(cipher.seal('same', 'c').data.equals(cipher.seal('same', 'c').data)).toBe(false);
  });

  it('refuses another context, tampered data and unknown keys', () => {
    const sealed = cipher.seal('token-abc', 'cluster:1');
    expect(() => cipher.open(sealed, 'cluster:2')).toThrow();
    const tampered = Buffer.from(sealed.data);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(() => cipher.open({ ...sealed, data: tampered }, 'cluster:1')).toThrow();
    expect(() => cipher.open({ ...sealed, keyId: 'k9' }, 'cluster:1')).toThrow(UnknownKeyError);
  });

  it('still opens values sealed with a previous key, and marks them stale', () => {
    const sealed = new CredentialCipher(old).seal('older', 'c');
    expect(cipher.open(sealed, 'c')).toBe('older');
    expect(cipher.isStale(sealed)).toBe(true);
    expect(cipher.isStale(cipher.seal('x', 'c'))).toBe(false);
    expect(() => new CredentialCipher(current).open(sealed, 'c')).toThrow(UnknownKeyError);
  });
});
