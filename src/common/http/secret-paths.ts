/** The public route of report share links; the segment after it is the link's token. */
export const SHARED_REPORTS_PATH = '/v1/shared-reports';

/**
 * Paths whose last segment is a bearer secret (a share-link token). Logs and the audit trail keep the route
 * and drop the secret: anyone reading them must not be able to download the report. Matched anywhere and in
 * any case, as the router matches it: `/V1/Shared-Reports/…` and an absolute request target
 * (`GET http://host/v1/shared-reports/…`) reach the same route.
 */
const SECRET_SEGMENT = new RegExp(`(${SHARED_REPORTS_PATH}/)[^/?#]+`, 'gi');

export const REDACTED_SEGMENT = '[Redacted]';

export function pathWithoutSecrets(path: string): string {
  return path.replace(SECRET_SEGMENT, `$1${REDACTED_SEGMENT}`);
}
