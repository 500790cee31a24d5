import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { type FakeJira, startFakeJira } from '../support/fake-jira';

/**
 * Every answer the fake gives, for every operation of the committed subset spec, is one that spec
 * documents: a declared status, and a body that validates against the response schema of that status.
 */

interface OpenApiResponse {
  content?: Record<string, { schema?: object }>;
}

interface OpenApiOperation {
  operationId: string;
  responses: Record<string, OpenApiResponse>;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, object> };
}

interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  text: string;
}

const SUBSET_FILE = join(__dirname, '..', '..', 'openapi', 'jira', 'subset.json');
const SPEC_ID = 'https://kubeassay.test/openapi/jira/subset.json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const TEAM_FIELD = 'customfield_10050';

const spec = JSON.parse(readFileSync(SUBSET_FILE, 'utf8')) as OpenApiDocument;

/**
 * OpenAPI 3.0 schemas through Ajv: `nullable` is one of Ajv's own keywords; Jira's formats (int64, uri,
 * date-time) are descriptive rather than strict, so they are not checked; OpenAPI's extra annotations
 * (`xml`, `example`) are let through with `strict: false`. Local `#/components/schemas/…` references
 * resolve inside the spec, registered under one id.
 */
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: SPEC_ID, components: spec.components });

const operations = new Map(
  Object.entries(spec.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => [operation.operationId, { method, template, operation }] as const),
  ),
);

/** The spec's local references, made absolute so that a schema compiled on its own still finds them. */
function anchored(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(anchored);
  }
  if (schema !== null && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#')
          ? `${SPEC_ID}${value}`
          : anchored(value),
      ]),
    );
  }
  return schema;
}

function pathMatches(template: string, path: string): boolean {
  const pattern = template.replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(path.split('?')[0] ?? '');
}

/** What is wrong with an exchange as an answer of the operation, if anything. */
function violations(operationId: string, exchange: Exchange): string[] {
  const declared = operations.get(operationId);
  if (!declared) {
    return [`${operationId} is not in the subset`];
  }
  if (declared.method !== exchange.method.toLowerCase() || !pathMatches(declared.template, exchange.path)) {
    return [
      `${exchange.method} ${exchange.path} is not ${declared.method.toUpperCase()} ${declared.template}`,
    ];
  }
  const response = declared.operation.responses[String(exchange.status)];
  if (!response) {
    return [`${exchange.status} is not a documented answer of ${operationId}`];
  }
  const json = response.content?.['application/json'];
  if (!json?.schema) {
    // A status documented without a body schema: nothing to validate the body against.
    return [];
  }
  if (exchange.status === 204) {
    return exchange.text === '' ? [] : ['a 204 carries a body'];
  }
  if (!exchange.contentType.startsWith('application/json')) {
    return [`answered ${exchange.contentType}, documented application/json`];
  }
  const validate = ajv.compile(anchored(json.schema) as object);
  if (validate(JSON.parse(exchange.text))) {
    return [];
  }
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

describe('fake Jira against the committed subset of the Jira v3 spec', () => {
  let fake: FakeJira;

  async function call(
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = fake.basicAuthorization(),
  ): Promise<Exchange> {
    const response = await fetch(`${fake.url}${path}`, {
      method,
      headers: {
        ...(authorization !== null && { Authorization: authorization }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return {
      method,
      path,
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  }

  function adf(text: string): object {
    return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
  }

  function issueFields(label: string): Record<string, unknown> {
    return {
      project: { key: 'PROJ' },
      issuetype: { name: 'Task' },
      summary: `Remediate ${label}`,
      labels: ['kubeassay', label],
      priority: { name: 'High' },
      description: adf('How to fix it.'),
      duedate: '2030-06-30',
      components: [{ name: 'workloads' }],
      [TEAM_FIELD]: { value: 'Platform' },
    };
  }

  /** An issue with something in every field kind: comments, a resolution, options, components. */
  async function richIssue(label: string): Promise<string> {
    const { key } = fake.createIssue(issueFields(label));
    await call('POST', `/rest/api/3/issue/${key}/comment`, { body: adf('First comment.') });
    await fake.setStatus(key, 'Done');
    return key;
  }

  /** The exchanges each operation is exercised with: successes and the documented failures. */
  const scenarios: Record<string, () => Promise<Exchange[]>> = {
    getCurrentUser: async () => [await call('GET', '/rest/api/3/myself')],
    getCreateIssueMetaIssueTypes: async () => [
      await call('GET', '/rest/api/3/issue/createmeta/PROJ/issuetypes'),
      await call('GET', '/rest/api/3/issue/createmeta/PROJ/issuetypes?startAt=1&maxResults=1'),
      await call('GET', '/rest/api/3/issue/createmeta/PROJ/issuetypes?maxResults=500'),
    ],
    getCreateIssueMetaIssueTypeId: async () => [
      await call('GET', '/rest/api/3/issue/createmeta/PROJ/issuetypes/10001'),
      await call('GET', '/rest/api/3/issue/createmeta/PROJ/issuetypes/10002?maxResults=500'),
    ],
    createIssue: async () => [
      await call('POST', '/rest/api/3/issue', { fields: issueFields('kubeassay-created') }),
      await call('POST', '/rest/api/3/issue', {
        fields: { project: { key: 'PROJ' }, issuetype: { name: 'Task' } },
      }),
      await call('POST', '/rest/api/3/issue', { fields: { ...issueFields('x'), labels: ['with space'] } }),
      await call('POST', '/rest/api/3/issue', { fields: issueFields('anonymous') }, null),
    ],
    getIssue: async () => {
      const key = await richIssue('kubeassay-get');
      return [
        await call('GET', `/rest/api/3/issue/${key}`),
        await call('GET', `/rest/api/3/issue/${key}?fields=summary,status,labels`),
        await call('GET', '/rest/api/3/issue/PROJ-9999'),
      ];
    },
    editIssue: async () => {
      const key = await richIssue('kubeassay-edit');
      return [
        await call('PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Edited' } }),
        await call('PUT', `/rest/api/3/issue/${key}?returnIssue=true`, {
          update: { labels: [{ add: 'again' }] },
        }),
        await call('PUT', `/rest/api/3/issue/${key}`, { fields: { labels: ['two words'] } }),
        await call('PUT', '/rest/api/3/issue/PROJ-9999', { fields: { summary: 'Nobody' } }),
      ];
    },
    searchAndReconsileIssuesUsingJqlPost: async () => {
      await richIssue('kubeassay-search');
      await richIssue('kubeassay-search');
      const jql = 'project = PROJ AND labels = "kubeassay-search" ORDER BY key';
      return [
        await call('POST', '/rest/api/3/search/jql', { jql }),
        await call('POST', '/rest/api/3/search/jql', { jql, fields: ['*all'], maxResults: 1 }),
        await call('POST', '/rest/api/3/search/jql', { jql, fields: ['key', 'labels', 'status'] }),
        await call('POST', '/rest/api/3/search/jql', { jql: 'labels = nothing-has-this' }),
        await call('POST', '/rest/api/3/search/jql', { jql: 'order by key' }),
      ];
    },
    getTransitions: async () => {
      const { key } = fake.createIssue(issueFields('kubeassay-transitions'));
      return [
        await call('GET', `/rest/api/3/issue/${key}/transitions`),
        await call('GET', `/rest/api/3/issue/${key}/transitions?transitionId=31`),
        await call('GET', '/rest/api/3/issue/PROJ-9999/transitions'),
      ];
    },
    doTransition: async () => {
      const { key } = fake.createIssue(issueFields('kubeassay-transition'));
      return [
        await call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } }),
        await call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '31' } }),
        await call('POST', '/rest/api/3/issue/PROJ-9999/transitions', { transition: { id: '31' } }),
      ];
    },
    addComment: async () => {
      const { key } = fake.createIssue(issueFields('kubeassay-comment'));
      return [
        await call('POST', `/rest/api/3/issue/${key}/comment`, { body: adf('Fixed, verified.') }),
        await call('POST', `/rest/api/3/issue/${key}/comment`, {
          body: adf('Internal.'),
          visibility: { type: 'role', value: 'Administrators' },
        }),
        await call('POST', `/rest/api/3/issue/${key}/comment`, { body: 'not a document' }),
        await call('POST', '/rest/api/3/issue/PROJ-9999/comment', { body: adf('Nobody.') }),
      ];
    },
  };

  beforeAll(async () => {
    fake = await startFakeJira({
      components: ['workloads'],
      customFields: [
        {
          id: TEAM_FIELD,
          name: 'Team',
          type: 'option',
          required: true,
          allowedValues: ['Platform', 'Payments'],
        },
        { id: 'customfield_10051', name: 'Cluster', type: 'string', required: false },
      ],
    });
  });

  afterAll(() => fake.close());

  it('exercises exactly the operations of the subset', () => {
    expect(Object.keys(scenarios).sort()).toEqual([...operations.keys()].sort());
  });

  it.each([...operations.keys()].sort())('answers %s as the spec documents', async (operationId) => {
    const scenario = scenarios[operationId];
    if (!scenario) {
      throw new Error(`no scenario for ${operationId}`);
    }
    const exchanges = await scenario();
    const problems = exchanges.flatMap((exchange) =>
      violations(operationId, exchange).map(
        (problem) => `${exchange.method} ${exchange.path} → ${exchange.status}: ${problem}`,
      ),
    );
    expect(problems).toEqual([]);
    // Each scenario reaches a success, so the 2xx schemas are what is checked, not only the errors.
    expect(exchanges.some((exchange) => exchange.status >= 200 && exchange.status < 300)).toBe(true);
  });

  it('answers bad credentials in text before Jira proper, as Jira Cloud does, and nothing else that way', async () => {
    const wrong = await call('GET', '/rest/api/3/myself', undefined, 'Bearer not-the-token');
    expect(wrong.status).toBe(401);
    expect(wrong.contentType).toMatch(/^text\/plain/);
    expect(operations.get('getCurrentUser')?.operation.responses['401']?.content).toBeUndefined();
  });

  it('rejects a body that breaks the schema, so the checks above can fail', () => {
    const broken: Exchange = {
      method: 'POST',
      path: '/rest/api/3/issue',
      status: 201,
      contentType: 'application/json',
      text: JSON.stringify({ id: 10001, key: 'PROJ-1', unexpected: true }),
    };
    expect(violations('createIssue', broken)).toEqual(
      expect.arrayContaining([expect.stringContaining('/id must be string')]),
    );
    expect(violations('createIssue', { ...broken, status: 418 })).toEqual([
      '418 is not a documented answer of createIssue',
    ]);
  });
});
