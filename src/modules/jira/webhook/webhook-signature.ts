import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * Whether `header` (`X-Hub-Signature: sha256=<hex>`) is the HMAC-SHA256 of the raw body under the secret, as
 * Jira signs deliveries of a webhook that has one; compared in constant time.
 */
export function isValidSignature(header: string | undefined, rawBody: Buffer, secret: string): boolean {
  const match = header === undefined ? null : SIGNATURE.exec(header.trim());
  if (!match) {
    return false;
  }
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}
