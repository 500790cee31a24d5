import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../../config/config';
import { requestIdOf } from '../http/request-id';
import { pathWithoutSecrets } from '../http/secret-paths';

/** Secrets that may reach a log line: credentials in headers, and credential fields of logged objects. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  // A share link's token, as the route's parameter (the URL is rewritten by the request serializer).
  'req.params.token',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['kubeconfig', 'token', 'password', 'key'].flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/** Probes and scrapes arrive every few seconds; logging each would drown the requests that matter. */
const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0] ?? '';
}

function levelFor(_request: IncomingMessage, response: ServerResponse, error?: Error): LevelWithSilent {
  if (error || response.statusCode >= 500) {
    return 'error';
  }
  return response.statusCode >= 400 ? 'warn' : 'info';
}

/** pino-http options: JSON lines carrying the request id the API returns in X-Request-Id. */
export function httpLoggerOptions(config: Pick<AppConfig, 'logLevel'>): Options {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    // A share link's token is in its path: the logged URL keeps the route without it.
    serializers: {
      req: (request: { url?: string }) => {
        if (request.url !== undefined) {
          request.url = pathWithoutSecrets(request.url);
        }
        return request;
      },
    },
    // requestIdMiddleware runs first (create-api.ts) and has already chosen the id.
    genReqId: (request) => requestIdOf(request as Request),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: levelFor,
    autoLogging: { ignore: (request) => QUIET_PATHS.has(pathOf(request.url)) },
  };
}
