import createClient from 'openapi-fetch';
import type { paths } from '../../openapi/schema';

/** The API through the generated contract types: a route or shape change breaks the test build. */
export function apiClient(baseUrl: string, key: string) {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${key}` } });
}

export type ApiClient = ReturnType<typeof apiClient>;
