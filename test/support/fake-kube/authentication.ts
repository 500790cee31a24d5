import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AuthenticationMethod } from './types';

/** The identity the fake reports in its 403 messages for token clients (a service account, as usual). */
const TOKEN_USER = 'system:serviceaccount:kubeassay:assessor';

export interface Credentials {
  token: string;
  caCommonName: string;
}

export interface Authentication {
  method: AuthenticationMethod;
  user: string;
}

/** A client certificate signed by our CA, or the bearer token; anything else is anonymous. */
export function authenticate(request: IncomingMessage, credentials: Credentials): Authentication | undefined {
  const socket = request.socket as TLSSocket;
  if (socket.authorized) {
    const certificate = socket.getPeerCertificate();
    if (certificate.issuer?.CN === credentials.caCommonName) {
      return { method: 'certificate', user: certificate.subject.CN };
    }
  }
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ') && sameSecret(header.slice('Bearer '.length).trim(), credentials.token)) {
    return { method: 'token', user: TOKEN_USER };
  }
  return undefined;
}

/** Compares digests so that neither content nor length leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
