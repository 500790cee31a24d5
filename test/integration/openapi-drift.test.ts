import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DOCUMENT_FILE, renderDocument } from '../../scripts/openapi';

/** Routes that take no API key (see route-policies.test.ts); /docs is served outside the document. */
const UNAUTHENTICATED = /^\/(health\/|metrics$|v1\/shared-reports\/|v1\/integrations\/jira\/webhook$)/;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

describe('the committed OpenAPI contract', () => {
  let document: OpenAPIObject;
  beforeAll(async () => {
    document = JSON.parse(await renderDocument()) as OpenAPIObject;
  });

  it('matches the code (when this fails: `npm run openapi`, review and commit openapi/)', () => {
    expect(document).toEqual(JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')));
  });

  it('asks for a bearer API key on every operation except the probes and the metrics', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
    );
    const wrong = operations
      .filter(({ path, operation }) => {
        const bearer = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
        return UNAUTHENTICATED.test(path) ? bearer : !bearer;
      })
      .map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    expect(wrong).toEqual([]);
    expect(operations.map(({ path, method }) => `${method.toUpperCase()} ${path}`)).toEqual(
      expect.arrayContaining(['GET /health/live', 'GET /health/ready', 'GET /metrics', 'POST /v1/api-keys']),
    );
  });
});
