import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { JIRA_OPERATIONS, SUBSET_FILE, TYPES_FILE } from '../../scripts/jira-subset';

interface Subset {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
}

const REGENERATE = 'when this fails: `npm run jira:subset`, review and commit the result';

function operations(paths: Record<string, readonly string[]>): string[] {
  return Object.entries(paths)
    .flatMap(([path, methods]) => methods.map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

describe('the committed Jira subset spec and its types', () => {
  let directory: string;
  let subsetText: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'jira-subset-'));
    // A child process: prettier and openapi-typescript load ES modules, which Jest cannot.
    execFileSync(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, '../../scripts/jira-subset.ts'),
        '--out',
        directory,
      ],
      { cwd: join(__dirname, '../..'), stdio: 'pipe' },
    );
    subsetText = readFileSync(join(directory, basename(SUBSET_FILE)), 'utf8');
  }, 60_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it(`subset is what the script extracts from Atlassian's spec now (${REGENERATE})`, () => {
    const committed = readFileSync(SUBSET_FILE, 'utf8');
    expect(JSON.parse(subsetText)).toEqual(JSON.parse(committed));
    expect(subsetText === committed).toBe(true);
  });

  it(`types are what openapi-typescript generates from it (${REGENERATE})`, () => {
    expect(readFileSync(join(directory, basename(TYPES_FILE)), 'utf8')).toBe(
      readFileSync(TYPES_FILE, 'utf8'),
    );
  });

  it('holds exactly the operations the client calls, and every schema they reach', () => {
    const subset = JSON.parse(subsetText) as Subset;
    const kept = Object.fromEntries(
      Object.entries(subset.paths).map(([path, item]) => [path, Object.keys(item)]),
    );
    expect(operations(kept)).toEqual(operations(JIRA_OPERATIONS));
    const referenced = [...subsetText.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(referenced.filter((name) => !(name in subset.components.schemas))).toEqual([]);
    expect(Object.keys(subset.components.schemas)).toEqual(
      expect.arrayContaining(['IssueUpdateDetails', 'IssueBean', 'ErrorCollection', 'Transitions']),
    );
  });
});
