import type { TimedGet } from './timed-get';

/** Requests per first-page scenario, after WARMUP unmeasured ones. */
export const REPEATS = 300;
const WARMUP = 20;
const PAGE = 100;

export interface QueryResult {
  title: string;
  /** The query string, without the assessment. */
  query: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Findings per response (the facets' total for a facets route). */
  items: number;
  bytes: number;
}

interface Scenario {
  title: string;
  route: 'findings' | 'facets';
  query: string;
  /** Follow nextCursor to the last page, measuring every page, instead of repeating the first. */
  walk?: true;
}

/**
 * What a person triaging a 50k-pod assessment asks for: the filters of the brief one by one and together, both
 * sorts, every page of both sorts through cursors, selective and empty results, and the facet counts.
 */
const SCENARIOS: readonly Scenario[] = [
  { title: 'first page, no filter', route: 'findings', query: '' },
  { title: 'severity critical, high', route: 'findings', query: 'severity=critical,high' },
  { title: 'status open', route: 'findings', query: 'status=open' },
  { title: 'principle isolation', route: 'findings', query: 'principle=isolation' },
  { title: 'layer system', route: 'findings', query: 'layer=system' },
  { title: 'one namespace', route: 'findings', query: 'namespace=checkout-7' },
  { title: 'one check (71 findings)', route: 'findings', query: 'check=hostpath-container-runtime-socket' },
  {
    title: 'two checks (71 + 103)',
    route: 'findings',
    query: 'check=hostpath-container-runtime-socket,rbac-wildcard-rules',
  },
  { title: 'status accepted (none)', route: 'findings', query: 'status=accepted' },
  { title: 'text "privileged"', route: 'findings', query: 'text=privileged' },
  { title: 'text matching nothing', route: 'findings', query: 'text=no-such-finding' },
  { title: 'sort severity', route: 'findings', query: 'sort=severity' },
  {
    title: 'all filters, sort severity',
    route: 'findings',
    query: 'severity=critical,high&status=open&principle=least-privilege&text=privileged&sort=severity',
  },
  { title: 'every page, insertion order', route: 'findings', query: '', walk: true },
  { title: 'every page, sort severity', route: 'findings', query: 'sort=severity', walk: true },
  { title: 'facets, no filter', route: 'facets', query: '' },
  { title: 'facets, severity + status', route: 'facets', query: 'severity=critical,high&status=open' },
  { title: 'facets, text "privileged"', route: 'facets', query: 'text=privileged' },
];

interface Sample {
  ms: number;
  bytes: number;
  items: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function fetchOnce(http: TimedGet, path: string): Promise<Sample & { nextCursor: string | null }> {
  const response = await http.get(path);
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 500)}`);
  }
  const body = JSON.parse(response.body) as { items?: unknown[]; total?: number; nextCursor?: string | null };
  return {
    ms: response.ms,
    bytes: response.bytes,
    items: body.items?.length ?? body.total ?? 0,
    nextCursor: body.nextCursor ?? null,
  };
}

async function repeat(http: TimedGet, path: string): Promise<Sample[]> {
  for (let index = 0; index < WARMUP; index++) {
    await fetchOnce(http, path);
  }
  const samples: Sample[] = [];
  for (let index = 0; index < REPEATS; index++) {
    samples.push(await fetchOnce(http, path));
  }
  return samples;
}

async function walk(http: TimedGet, path: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchOnce(http, cursor === null ? path : `${path}&cursor=${cursor}`);
    samples.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return samples;
}

function summarize(scenario: Scenario, samples: readonly Sample[]): QueryResult {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    title: scenario.title,
    query: scenario.query,
    requests: samples.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted[sorted.length - 1]!,
    items: mean(samples.map((sample) => sample.items)),
    bytes: mean(samples.map((sample) => sample.bytes)),
  };
}

/** Every scenario against one assessment, one request at a time. */
export async function measureQueries(
  http: TimedGet,
  assessmentId: string,
  progress: (message: string) => void,
): Promise<QueryResult[]> {
  const results: QueryResult[] = [];
  for (const scenario of SCENARIOS) {
    progress(`query: ${scenario.title}`);
    const base = `/v1/assessments/${assessmentId}/findings${scenario.route === 'facets' ? '/facets' : ''}`;
    const limit = scenario.route === 'findings' ? `limit=${PAGE}` : '';
    const query = [scenario.query, limit].filter((part) => part !== '').join('&');
    const path = query === '' ? base : `${base}?${query}`;
    const samples = scenario.walk ? await walk(http, path) : await repeat(http, path);
    results.push(summarize(scenario, samples));
  }
  return results;
}
