import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { JiraCredentials } from './types';

export type Authentication =
  | { outcome: 'authenticated'; method: 'basic' | 'bearer' }
  | { outcome: 'rejected' }
  | { outcome: 'anonymous' };

/** Basic with the email and API token, or Bearer with the token: an Atlassian API token's two uses. */
export function authenticate(request: IncomingMessage, credentials: JiraCredentials): Authentication {
  const header = request.headers.authorization;
  if (header === undefined) {
    return { outcome: 'anonymous' };
  }
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'basic') {
    const expected = `${credentials.email}:${credentials.apiToken}`;
    return sameSecret(Buffer.from(value, 'base64').toString('utf8'), expected)
      ? { outcome: 'authenticated', method: 'basic' }
      : { outcome: 'rejected' };
  }
  if (scheme.toLowerCase() === 'bearer') {
    return sameSecret(value, credentials.bearerToken)
      ? { outcome: 'authenticated', method: 'bearer' }
      : { outcome: 'rejected' };
  }
  return { outcome: 'rejected' };
}

/** Compares digests so that neither content nor length leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
