import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '../../config/config';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value encrypted at rest: the id of the key that sealed it, and iv ‖ tag ‖ ciphertext. */
export interface Sealed {
  keyId: string;
  data: Buffer;
}

export class UnknownKeyError extends Error {}

/**
 * AES-256-GCM for credentials at rest. Each value is bound to its context (e.g. the cluster id) as additional
 * authenticated data, so a ciphertext copied onto another row does not decrypt. New values use the current key;
 * values sealed with a previous key still open until they are re-sealed.
 */
export class CredentialCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: EncryptionKey,
    previous: readonly EncryptionKey[] = [],
  ) {
    this.keys = new Map([...previous, current].map(({ id, key }) => [id, key]));
  }

  seal(plaintext: string, context: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.current.id, data: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]) };
  }

  /** Throws when the key is unknown or the data, its context or its tag does not match. */
  open(sealed: Sealed, context: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) {
      throw new UnknownKeyError(`no encryption key with id ${sealed.keyId} is configured`);
    }
    const decipher = createDecipheriv(ALGORITHM, key, sealed.data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(sealed.data.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /** Whether a value was sealed with an older key and should be re-sealed. */
  isStale(sealed: Sealed): boolean {
    return sealed.keyId !== this.current.id;
  }
}
