import type { AddressPolicy } from '../../../common/network/address-policy';

/** An Atlassian account's email and API token (Jira Cloud), or a bearer token (OAuth 2.0, Data Center PAT). */
export type JiraAuth = { type: 'basic'; email: string; apiToken: string } | { type: 'bearer'; token: string };

/**
 * The base URL without a trailing slash, refused when it could leak or downgrade: credentials, a query or a
 * fragment in it, or plain http where the policy does not allow loopback (i.e. anywhere but tests and
 * development). The host itself is checked on every connection (guarded-fetch.ts).
 */
export function jiraBaseUrl(baseUrl: string, policy: AddressPolicy): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowLoopback)) {
    throw new Error('the Jira base URL must use https');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('the Jira base URL must hold no credentials, query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

/** The Authorization header, and every form of the secret in it that must never reach a message. */
export function jiraAuthorization(auth: JiraAuth): { header: string; secrets: string[] } {
  if (auth.type === 'bearer') {
    return { header: `Bearer ${auth.token}`, secrets: [auth.token] };
  }
  const pair = `${auth.email}:${auth.apiToken}`;
  const encoded = Buffer.from(pair).toString('base64');
  return { header: `Basic ${encoded}`, secrets: [pair, encoded, auth.apiToken] };
}
