import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { EncryptionKey } from '../../../config/config';

/** Separates this use of the encryption key from every other (HKDF's `info`). */
const DERIVATION_LABEL = 'kubeassay share-link token v1';
/** base64url of the 16 bytes of a link id, a dot, base64url of a 32-byte HMAC-SHA256. */
const TOKEN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

function signingKey(key: EncryptionKey): Buffer {
  return Buffer.from(hkdfSync('sha256', key.key, Buffer.alloc(0), DERIVATION_LABEL, 32));
}

function signature(key: Buffer, linkId: string): Buffer {
  return createHmac('sha256', key).update(`share-link:${linkId}`).digest();
}

/**
 * The bytes of a base64url text, when it is their one spelling: the last character of base64url carries
 * unused bits, and a token that differs from the issued one in them is refused like any other alteration.
 */
function canonical(text: string | undefined): Buffer | null {
  if (text === undefined) {
    return null;
  }
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

/**
 * Signs and verifies share-link tokens: a link's id and an HMAC of it under a key derived from the service's
 * encryption key. A token names one link, so it is revoked and expires with the link's row; the signature
 * lets a forged or altered token be refused before any lookup. Tokens signed with a key being rotated out
 * still verify until it is removed.
 */
export class ShareLinkTokens {
  private readonly current: Buffer;
  private readonly all: Buffer[];

  constructor(current: EncryptionKey, previous: readonly EncryptionKey[]) {
    this.current = signingKey(current);
    this.all = [this.current, ...previous.map(signingKey)];
  }

  sign(linkId: string): string {
    const id = Buffer.from(linkId.replaceAll('-', ''), 'hex');
    return `${id.toString('base64url')}.${signature(this.current, linkId).toString('base64url')}`;
  }

  /** The link id the token names, or null when it is malformed or its signature does not match. */
  verify(token: string): string | null {
    const match = TOKEN.exec(token);
    const id = canonical(match?.[1]);
    const presented = canonical(match?.[2]);
    if (!id || id.length !== 16 || !presented || presented.length !== 32) {
      return null;
    }
    const hex = id.toString('hex');
    const linkId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return this.all.some((key) => timingSafeEqual(signature(key, linkId), presented)) ? linkId : null;
  }
}
