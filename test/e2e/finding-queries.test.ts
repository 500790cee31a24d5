import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { AppModule } from '../../src/app.module';
import { QueueName } from '../../src/common/queue/queues';
import { Role } from '../../src/modules/auth/role';
import type { components, operations } from '../../openapi/schema';
import { startTestApi, type TestApi } from '../support/api';
import { apiClient, type ApiClient } from '../support/client';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

type Finding = components['schemas']['FindingDto'];
type Facets = components['schemas']['FindingFacetsDto'];
type ListQuery = NonNullable<operations['FindingsController_list']['parameters']['query']>;
type FilterQuery = NonNullable<operations['FindingsController_facets']['parameters']['query']>;
type Sort = components['schemas']['FindingSort'];
type Principle = components['schemas']['Principle'];

function manifests(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      return manifests(path);
    }
    return /\.ya?ml$/i.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const ids = (findings: readonly Finding[]) => findings.map((finding) => finding.id);

/** What `text` searches, in the order the API documents. */
const SEARCHED: Record<string, (finding: Finding) => string> = {
  message: (finding) => finding.message,
  'resource name': (finding) => finding.resource.name,
  namespace: (finding) => finding.resource.namespace ?? '',
  'check id': (finding) => finding.check,
};

/** The findings `text` should select, computed from the full list (the examples are ASCII). */
function containing(findings: readonly Finding[], text: string): Finding[] {
  const wanted = text.toLowerCase();
  return findings.filter((finding) =>
    Object.values(SEARCHED).some((field) => field(finding).toLowerCase().includes(wanted)),
  );
}

/** Upper case where the original is lower and the other way round: only a case-insensitive match finds it. */
const swapCase = (text: string) =>
  [...text].map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase())).join('');

/** The facets as documented, counted from a list of findings. */
function facetsOf(findings: readonly Finding[]): Facets {
  const count = <V extends string | null>(valueOf: (finding: Finding) => V) => {
    const counts = new Map<V, number>();
    for (const finding of findings) {
      counts.set(valueOf(finding), (counts.get(valueOf(finding)) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, total]) => ({ value, count: total }))
      .sort((a, b) => {
        if (a.count !== b.count) {
          return b.count - a.count;
        }
        if (a.value === null || b.value === null) {
          return a.value === null ? 1 : -1;
        }
        return a.value < b.value ? -1 : 1;
      });
  };
  return {
    total: findings.length,
    severity: count((finding) => finding.severity),
    status: count((finding) => finding.status),
    layer: count((finding) => finding.layer),
    phase: count((finding) => finding.phase),
    check: count((finding) => finding.check),
    namespace: count((finding) => finding.resource.namespace ?? null),
  };
}

describe('finding queries end to end', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let consultant: ApiClient;
  let consultantKey: string;
  let organizationId: string;
  let assessmentId: string;
  /** Every finding of the assessment in insertion order, two of them triaged. */
  let all: Finding[];

  /** For requests the contract types forbid on purpose: malformed values, unknown fields. */
  const raw = async (path: string, key = consultantKey) => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const body: unknown = await response.json();
    return { status: response.status, body };
  };
  const errorCode = (body: unknown) => (body as { error?: { code: string } } | undefined)?.error?.code;

  async function page(query: ListQuery) {
    const { data, response } = await consultant.GET('/v1/assessments/{id}/findings', {
      params: { path: { id: assessmentId }, query },
    });
    expect(response.status).toBe(200);
    return data!;
  }

  /** One page of up to 500: the whole answer for the examples' 146 findings. */
  async function list(query: ListQuery): Promise<Finding[]> {
    const { items, nextCursor } = await page({ ...query, limit: 500 });
    expect(nextCursor).toBeNull();
    return items;
  }

  async function allPages(query: ListQuery, limit: number): Promise<{ items: Finding[]; pages: number }> {
    const items: Finding[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const next = await page({ ...query, limit, ...(cursor && { cursor }) });
      expect(next.items.length).toBeLessThanOrEqual(limit);
      items.push(...next.items);
      cursor = next.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined && pages < 1_000);
    return { items, pages };
  }

  async function facets(query: FilterQuery): Promise<Facets> {
    const { data, response } = await consultant.GET('/v1/assessments/{id}/findings/facets', {
      params: { path: { id: assessmentId }, query },
    });
    expect(response.status).toBe(200);
    return data!;
  }

  beforeAll(async () => {
    api = await startTestApi();
    worker = await NestFactory.createApplicationContext(AppModule.worker(api.config), { logger: false });
    consultantKey = await api.createKey(Role.Consultant);
    consultant = apiClient(api.baseUrl, consultantKey);
    const organization = await consultant.POST('/v1/organizations', { body: { name: 'shop' } });
    organizationId = organization.data!.id;
    const engagement = await consultant.POST('/v1/engagements', {
      body: { organizationId, name: 'shop review' },
    });
    const cluster = await consultant.POST('/v1/clusters', {
      body: { organizationId, name: 'shop-prod', source: { type: 'snapshot' } },
    });
    const upload = await fetch(`${api.baseUrl}/v1/clusters/${cluster.data!.id}/snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml', authorization: `Bearer ${consultantKey}` },
      body: manifests(EXAMPLES).join('\n---\n'),
    });
    expect(upload.status).toBe(201);
    const created = await consultant.POST('/v1/assessments', {
      body: { engagementId: engagement.data!.id, clusterId: cluster.data!.id },
    });
    assessmentId = created.data!.id;
    const deadline = Date.now() + 60_000;
    let status = created.data!.status;
    while (!['succeeded', 'failed', 'cancelled'].includes(status) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await consultant.GET('/v1/assessments/{id}', { params: { path: { id: assessmentId } } }))
        .data!.status;
    }
    expect(status).toBe('succeeded');
    const stored = await list({});
    const triage = async (finding: Finding, body: components['schemas']['TriageFindingDto']) => {
      const { response } = await consultant.PATCH('/v1/findings/{id}', {
        params: { path: { id: finding.id } },
        body,
      });
      expect(response.status).toBe(200);
    };
    await triage(stored[3]!, { status: 'false_positive', justification: 'Injected by the platform' });
    await triage(stored[40]!, {
      status: 'accepted',
      justification: 'Compensated by the WAF',
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    all = await list({});
  });
  afterAll(async () => {
    await worker?.get<Queue>(getQueueToken(QueueName.AssessmentRun)).obliterate({ force: true });
    await worker?.close();
    await api?.close();
  });

  it('lists the assessment with triaged findings among them, in insertion order by default', async () => {
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((finding) => finding.status))).toEqual(
      new Set(['open', 'false_positive', 'accepted']),
    );
    const seqs = all.map((finding) => BigInt(finding.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    expect(ids(await list({ sort: 'inserted' }))).toEqual(ids(all));
  });

  it('filters by principle: findings with any of the principles given', async () => {
    const rare = (['auditing', 'admission'] as const).filter((principle) =>
      all.some((finding) => finding.principles.includes(principle)),
    );
    expect(rare).toEqual(['auditing', 'admission']);
    const cases: Principle[][] = [['auditing'], ['auditing', 'admission'], ['isolation']];
    for (const principles of cases) {
      const wanted = all.filter((finding) => finding.principles.some((each) => principles.includes(each)));
      expect(wanted.length).toBeGreaterThan(0);
      expect(wanted.length).toBeLessThan(all.length);
      expect(ids(await list({ principle: principles }))).toEqual(ids(wanted));
    }
  });

  it('filters by status, the triaged ones included', async () => {
    for (const status of [['false_positive'], ['accepted', 'false_positive'], ['open']] as const) {
      const wanted = all.filter((finding) => (status as readonly string[]).includes(finding.status));
      expect(wanted.length).toBeGreaterThan(0);
      expect(ids(await list({ status: [...status] }))).toEqual(ids(wanted));
    }
  });

  it.each(Object.keys(SEARCHED))(
    'finds text in the %s, whatever its case, and in nothing else of that finding',
    async (field) => {
      const valueOf = SEARCHED[field]!;
      // A finding whose value in this field holds a text no other field of that finding holds.
      const found = all
        .map((finding) => ({ finding, text: valueOf(finding).slice(0, 24) }))
        .find(
          ({ finding, text }) =>
            text.length >= 3 &&
            Object.entries(SEARCHED).every(
              ([other, otherOf]) =>
                other === field || !otherOf(finding).toLowerCase().includes(text.toLowerCase()),
            ),
        );
      expect(found).toBeDefined();
      const text = swapCase(found!.text);
      const items = await list({ text });
      expect(ids(items)).toContain(found!.finding.id);
      expect(ids(items)).toEqual(ids(containing(all, text)));
    },
  );

  it('takes %, _ and \\ in text as themselves, not as wildcards or escapes', async () => {
    for (const text of ['_', '%', '\\', 'E_P', '%privileged']) {
      const wanted = containing(all, text);
      expect([text, wanted.length < all.length]).toEqual([text, true]);
      expect([text, ids(await list({ text }))]).toEqual([text, ids(wanted)]);
    }
    expect(containing(all, '_').length).toBeGreaterThan(0);
  });

  it('combines principle, text and status with the other filters', async () => {
    const query = {
      severity: ['critical', 'high'],
      principle: ['least-privilege', 'isolation'],
      text: 'CONTAINER',
      status: ['open'],
      layer: ['application'],
    } satisfies ListQuery;
    const wanted = containing(all, 'container').filter(
      (finding) =>
        ['critical', 'high'].includes(finding.severity) &&
        finding.principles.some((principle) => ['least-privilege', 'isolation'].includes(principle)) &&
        finding.status === 'open' &&
        finding.layer === 'application',
    );
    expect(wanted.length).toBeGreaterThan(1);
    expect(ids(await list(query))).toEqual(ids(wanted));
  });

  it('sorts by severity: critical first down to info, insertion order within a severity', async () => {
    const bySeverity = await list({ sort: 'severity' });
    const rank = (finding: Finding) => SEVERITY_ORDER.indexOf(finding.severity);
    expect(ids(bySeverity)).toEqual(ids([...all].sort((a, b) => rank(a) - rank(b))));
    expect(ids(bySeverity)).not.toEqual(ids(all));
    const filtered = await list({ sort: 'severity', severity: ['low', 'high'], text: 'container' });
    expect(ids(filtered)).toEqual(
      ids(
        containing(all, 'container')
          .filter((finding) => ['high', 'low'].includes(finding.severity))
          .sort((a, b) => rank(a) - rank(b)),
      ),
    );
  });

  it.each<[Sort, ListQuery]>([
    ['inserted', {}],
    ['severity', {}],
    ['inserted', { status: ['open'], principle: ['isolation', 'zero-trust'] }],
    ['severity', { severity: ['critical', 'medium', 'info'], text: 'e' }],
  ])(
    'pages with sort=%s and filters %j through cursors: every finding exactly once, in order',
    async (sort, query) => {
      const whole = await list({ ...query, sort });
      expect(whole.length).toBeGreaterThan(14);
      for (const limit of [1, 7]) {
        const { items, pages } = await allPages({ ...query, sort }, limit);
        expect(pages).toBe(Math.ceil(whole.length / limit));
        expect(new Set(ids(items)).size).toBe(items.length);
        expect(ids(items)).toEqual(ids(whole));
      }
    },
  );

  it.each<[string, FilterQuery]>([
    ['no filter', {}],
    ['status and layer', { status: ['open', 'accepted'], layer: ['application', 'system'] }],
    ['principle and text', { principle: ['least-privilege'], text: 'Container' }],
    ['a namespace and severities', { namespace: ['legacy'], severity: ['high', 'medium', 'low'] }],
  ])('facets with %s equal the counts of the full list', async (_title, query) => {
    const listed = await list(query);
    expect(listed.length).toBeGreaterThan(0);
    expect(await facets(query)).toEqual(facetsOf(listed));
  });

  it('counts cluster-scoped findings under a null namespace and triaged ones under their status', async () => {
    const counted = await facets({});
    const clusterScoped = all.filter((finding) => finding.resource.namespace === undefined).length;
    expect(clusterScoped).toBeGreaterThan(0);
    expect(counted.namespace).toContainEqual({ value: null, count: clusterScoped });
    expect(counted.status).toEqual([
      { value: 'open', count: all.length - 2 },
      { value: 'accepted', count: 1 },
      { value: 'false_positive', count: 1 },
    ]);
    expect(await facets({ text: 'no finding says this' })).toEqual(facetsOf([]));
  });

  it('refuses bad input with 400 and a stable code', async () => {
    const inserted = (await page({ limit: 2 })).nextCursor!;
    const bySeverity = (await page({ limit: 2, sort: 'severity' })).nextCursor!;
    const list = `/v1/assessments/${assessmentId}/findings`;
    const facetsPath = `${list}/facets`;
    const cases: [string, string][] = [
      [`${list}?sort=newest`, 'VALIDATION_FAILED'],
      [`${list}?sort=severity&sort=inserted`, 'VALIDATION_FAILED'],
      [`${list}?text=${'a'.repeat(101)}`, 'VALIDATION_FAILED'],
      [`${list}?text=`, 'VALIDATION_FAILED'],
      [`${list}?text=line%0Abreak`, 'VALIDATION_FAILED'],
      [`${list}?text=one&text=two`, 'VALIDATION_FAILED'],
      [`${list}?principle=privacy`, 'VALIDATION_FAILED'],
      [`${list}?cursor=bm90LWEtY3Vyc29y`, 'INVALID_CURSOR'],
      [`${list}?sort=severity&cursor=${inserted}`, 'INVALID_CURSOR'],
      [`${list}?cursor=${bySeverity}`, 'INVALID_CURSOR'],
      [`${list}?sort=inserted&cursor=${bySeverity}`, 'INVALID_CURSOR'],
      [`${facetsPath}?sort=severity`, 'VALIDATION_FAILED'],
      [`${facetsPath}?limit=10`, 'VALIDATION_FAILED'],
      [`${facetsPath}?cursor=${inserted}`, 'VALIDATION_FAILED'],
      [`${facetsPath}?text=${'a'.repeat(101)}`, 'VALIDATION_FAILED'],
      [`${facetsPath}?principle=privacy`, 'VALIDATION_FAILED'],
      [`${facetsPath}?check=no-such-check`, 'UNKNOWN_CHECK'],
    ];
    for (const [path, code] of cases) {
      const response = await raw(path);
      expect([path, response.status, errorCode(response.body)]).toEqual([path, 400, code]);
    }
    expect((await raw(`${list}?text=${'a'.repeat(100)}`)).status).toBe(200);
    expect((await raw(`${list}?sort=severity&cursor=${bySeverity}`)).status).toBe(200);
  });

  it('keeps tenants apart on the facets: another organization gets 404, its own client reads', async () => {
    const stranger = await consultant.POST('/v1/organizations', { body: { name: 'stranger' } });
    const strangerKey = await api.createKey(Role.Client, stranger.data!.id);
    const path = `/v1/assessments/${assessmentId}/findings/facets`;
    const denied = await raw(path, strangerKey);
    expect([denied.status, errorCode(denied.body)]).toEqual([404, 'NOT_FOUND']);
    const missing = await raw('/v1/assessments/00000000-0000-4000-8000-000000000000/findings/facets');
    expect([missing.status, errorCode(missing.body)]).toEqual([404, 'NOT_FOUND']);
    const own = await raw(path, await api.createKey(Role.Client, organizationId));
    expect(own.status).toBe(200);
    expect((own.body as Facets).total).toBe(all.length);
  });
});
