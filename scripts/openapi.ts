import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateApiDocument } from '../src/http/api-document';

export const OPENAPI_DIRECTORY = join(__dirname, '..', 'openapi');
export const DOCUMENT_FILE = join(OPENAPI_DIRECTORY, 'openapi.json');
export const TYPES_FILE = join(OPENAPI_DIRECTORY, 'schema.d.ts');

/** Object keys in order at every depth; arrays keep their order (it can carry meaning). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** openapi/openapi.json as the code describes it now: keys sorted, so a diff shows only real changes. */
export async function renderDocument(): Promise<string> {
  return `${JSON.stringify(sortKeys(await generateApiDocument()), null, 2)}\n`;
}

/** openapi/schema.d.ts: the `paths` and `components` types that openapi-fetch uses. */
async function renderTypes(document: string): Promise<string> {
  // Loaded here only: openapi-typescript pulls in ES modules that Jest (which imports this file) cannot load.
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
  return `${COMMENT_HEADER}${astToString(await openapiTS(document, { defaultNonNullable: false }))}`;
}

/** `npm run openapi`: rewrites openapi/openapi.json and openapi/schema.d.ts. */
async function main(): Promise<void> {
  const document = await renderDocument();
  const types = await renderTypes(document);
  mkdirSync(OPENAPI_DIRECTORY, { recursive: true });
  writeFileSync(DOCUMENT_FILE, document);
  writeFileSync(TYPES_FILE, types);
  console.log(`wrote ${DOCUMENT_FILE} and ${TYPES_FILE}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
