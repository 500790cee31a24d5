import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { sortKeys } from './openapi';

/** Atlassian's full v3 description, in the shared folder beside the repository (DESIGN.md §6). */
export const JIRA_SPEC_FILE = resolve(
  process.env['KUBEASSAY_JIRA_SPEC'] ?? join(__dirname, '../../shared/specs/jira/swagger-v3.v3.json'),
);
export const SUBSET_FILE = join(__dirname, '..', 'openapi', 'jira', 'subset.json');
export const TYPES_FILE = join(__dirname, '..', 'src', 'modules', 'jira', 'client', 'jira-schema.d.ts');

/** The Jira operations the ticket integration calls; nothing else is committed or typed. */
export const JIRA_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  '/rest/api/3/myself': ['get'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes': ['get'],
  '/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}': ['get'],
  '/rest/api/3/issue': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}': ['get', 'put'],
  '/rest/api/3/search/jql': ['post'],
  '/rest/api/3/issue/{issueIdOrKey}/transitions': ['get', 'post'],
  '/rest/api/3/issue/{issueIdOrKey}/comment': ['post'],
};

const SCHEMA_REF = '#/components/schemas/';

type Json = Record<string, unknown>;

interface OpenApiDocument extends Json {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  tags?: { name: string }[];
}

/** Every schema name `value` refers to; any other kind of $ref would be silently lost, so it is refused. */
function referencedSchemas(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((item) => referencedSchemas(item, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') {
        if (!child.startsWith(SCHEMA_REF)) {
          throw new Error(`unsupported $ref ${child}`);
        }
        found.add(child.slice(SCHEMA_REF.length));
      } else {
        referencedSchemas(child, found);
      }
    }
  }
  return found;
}

/** The named schemas and, transitively, every schema they reference. */
function schemaClosure(roots: Set<string>, schemas: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in kept) {
      continue;
    }
    if (!(name in schemas)) {
      throw new Error(`the spec references a schema it does not define: ${name}`);
    }
    kept[name] = schemas[name];
    pending.push(...referencedSchemas(schemas[name]));
  }
  return kept;
}

function pickOperations(spec: OpenApiDocument): OpenApiDocument['paths'] {
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, methods] of Object.entries(JIRA_OPERATIONS)) {
    const item = spec.paths[path] ?? {};
    const missing = methods.filter((method) => item[method] === undefined);
    if (missing.length > 0) {
      // A newer spec that drops an operation we call must fail here, not at run time against Jira.
      throw new Error(
        `the Jira spec has no ${missing.map((method) => method.toUpperCase()).join(', ')} ${path}`,
      );
    }
    paths[path] = Object.fromEntries(methods.map((method) => [method, item[method] as Json]));
  }
  return paths;
}

function securitySchemeNames(paths: OpenApiDocument['paths']): Set<string> {
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  return new Set(
    operations.flatMap((operation) =>
      ((operation['security'] as Json[] | undefined) ?? []).flatMap((requirement) =>
        Object.keys(requirement),
      ),
    ),
  );
}

/** The kept operations with the schemas and security schemes they use, and the tags they are filed under. */
function extractSubset(spec: OpenApiDocument): OpenApiDocument {
  const paths = pickOperations(spec);
  const operations = Object.values(paths).flatMap((item) => Object.values(item));
  const tagNames = new Set(
    operations.flatMap((operation) => (operation['tags'] as string[] | undefined) ?? []),
  );
  const schemeNames = securitySchemeNames(paths);
  return {
    openapi: spec['openapi'],
    info: spec['info'],
    servers: spec['servers'],
    'x-kubeassay-subset': `extracted from ${basename(JIRA_SPEC_FILE)} by scripts/jira-subset.ts (npm run jira:subset)`,
    tags: (spec.tags ?? []).filter((tag) => tagNames.has(tag.name)),
    paths,
    components: {
      schemas: schemaClosure(referencedSchemas(paths), spec.components.schemas),
      securitySchemes: Object.fromEntries(
        Object.entries(spec.components.securitySchemes).filter(([name]) => schemeNames.has(name)),
      ),
    },
  };
}

/** Formatted as Prettier would format the file at `destination` (openapi/ is prettier-ignored, not src/). */
async function prettified(text: string, destination: string): Promise<string> {
  // Loaded here only, as openapi-typescript below: both load ES modules, which Jest (importing this file) cannot.
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(destination);
  return format(text, { ...options, filepath: destination });
}

/** openapi/jira/subset.json as extracted from the spec now: keys sorted, so a diff shows only real changes. */
async function renderSubset(specFile = JIRA_SPEC_FILE): Promise<string> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as OpenApiDocument;
  return prettified(JSON.stringify(sortKeys(extractSubset(spec)), null, 2), SUBSET_FILE);
}

/** src/modules/jira/client/jira-schema.d.ts: the `paths` and `components` types openapi-fetch uses. */
async function renderTypes(subset: string): Promise<string> {
  const { default: openapiTS, astToString, COMMENT_HEADER } = await import('openapi-typescript');
  const types = `${COMMENT_HEADER}${astToString(await openapiTS(subset, { defaultNonNullable: false }))}`;
  return prettified(types, TYPES_FILE);
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/**
 * `npm run jira:subset`: rewrites the subset and its types. `-- --out DIR` writes both into DIR instead: the
 * drift test compares them with the committed files (it runs this in a child process, for the ES modules).
 */
async function main(argv: string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const outDirectory = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const subsetFile = outDirectory ? join(outDirectory, basename(SUBSET_FILE)) : SUBSET_FILE;
  const typesFile = outDirectory ? join(outDirectory, basename(TYPES_FILE)) : TYPES_FILE;
  const subset = await renderSubset();
  write(subsetFile, subset);
  write(typesFile, await renderTypes(subset));
  console.log(`wrote ${relative(process.cwd(), subsetFile)} and ${relative(process.cwd(), typesFile)}`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
