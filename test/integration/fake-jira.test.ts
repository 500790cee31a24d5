import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FakeJira, NO_FAULTS, startFakeJira } from '../support/fake-jira';

const TEAM_FIELD = 'customfield_10050';

interface JiraResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or the text when the body is not JSON. */
  body: unknown;
}

function adf(...paragraphs: string[]): object {
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** Waits for a condition that something under way will make true, failing after a second. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 1000;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('fake Jira server', () => {
  let fake: FakeJira;

  async function jira(
    method: string,
    path: string,
    body?: unknown,
    authorization: string | null = fake.basicAuthorization(),
  ): Promise<JiraResponse> {
    const response = await fetch(`${fake.url}/rest/api/3${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(authorization !== null && { Authorization: authorization }),
        ...(body !== undefined && { 'Content-Type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
    return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
  }

  function taskFields(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      project: { key: 'PROJ' },
      issuetype: { name: 'Task' },
      summary: 'Containers run as root in shop/web',
      labels: ['kubeassay', 'kubeassay-ticket-1'],
      priority: { name: 'High' },
      description: adf('Set runAsNonRoot.'),
      duedate: '2030-01-31',
      [TEAM_FIELD]: { value: 'Platform' },
      ...overrides,
    };
  }

  async function create(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await jira('POST', '/issue', { fields: taskFields(overrides) });
    expect(created.status).toBe(201);
    return (created.body as { key: string }).key;
  }

  async function search(request: Record<string, unknown>): Promise<JiraResponse> {
    return jira('POST', '/search/jql', request);
  }

  function keysOf(response: JiraResponse): string[] {
    return (response.body as { issues: { key: string }[] }).issues.map((issue) => issue.key);
  }

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
      ],
    });
  });

  afterAll(() => fake.close());

  beforeEach(() => fake.reset());

  describe('authentication', () => {
    it('answers /myself to the email and API token, and to the bearer token', async () => {
      const basic = await jira('GET', '/myself');
      const bearer = await jira('GET', '/myself', undefined, fake.bearerAuthorization());
      expect(basic.status).toBe(200);
      expect(basic.body).toMatchObject({
        accountId: fake.user.accountId,
        emailAddress: fake.credentials.email,
        displayName: fake.user.displayName,
        active: true,
      });
      expect(bearer.status).toBe(200);
      expect(fake.requests.map((request) => request.authenticatedBy)).toEqual(['basic', 'bearer']);
    });

    it('turns away a wrong token with 401 as Jira does, and an anonymous request with its error body', async () => {
      const wrongToken = `Basic ${Buffer.from(`${fake.credentials.email}:not-the-token`).toString('base64')}`;
      const wrong = await jira('GET', '/myself', undefined, wrongToken);
      const wrongBearer = await jira('POST', '/issue', { fields: taskFields() }, 'Bearer nope');
      const anonymous = await jira('POST', '/issue', { fields: taskFields() }, null);
      expect(wrong.status).toBe(401);
      expect(wrong.body).toBe('Client must be authenticated to access this resource.');
      expect(wrong.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
      expect(wrongBearer.status).toBe(401);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual({
        errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
        errors: {},
      });
      expect(fake.counters).toMatchObject({ unauthorized: 3, issuesCreated: 0 });
    });
  });

  describe('create metadata', () => {
    it('lists the issue types and the create fields with what is required and the allowed priorities', async () => {
      const types = await jira('GET', '/issue/createmeta/PROJ/issuetypes');
      const issueTypes = (types.body as { issueTypes: { id: string; name: string }[] }).issueTypes;
      expect(issueTypes.map((issueType) => issueType.name)).toEqual(['Task', 'Bug']);
      const task = issueTypes[0]?.id ?? '';

      const meta = await jira('GET', `/issue/createmeta/PROJ/issuetypes/${task}`);
      const fields = (meta.body as { fields: Record<string, unknown>[] }).fields;
      const byId = new Map(fields.map((field) => [field['fieldId'], field]));
      expect(byId.get('summary')).toMatchObject({
        required: true,
        name: 'Summary',
        schema: { type: 'string' },
      });
      expect(byId.get(TEAM_FIELD)).toMatchObject({
        required: true,
        name: 'Team',
        schema: { type: 'option', customId: 10050 },
        allowedValues: [{ value: 'Platform' }, { value: 'Payments' }],
      });
      const priority = byId.get('priority') as { allowedValues: { name: string }[]; required: boolean };
      expect(priority.required).toBe(false);
      expect(priority.allowedValues.map((value) => value.name)).toEqual([
        'Highest',
        'High',
        'Medium',
        'Low',
        'Lowest',
      ]);
      expect(byId.get('reporter')).toMatchObject({ required: true, hasDefaultValue: true });
    });

    it("refuses an unknown project and a page larger than Jira's limit", async () => {
      expect((await jira('GET', '/issue/createmeta/NOPE/issuetypes')).status).toBe(404);
      const tooLarge = await jira('GET', '/issue/createmeta/PROJ/issuetypes?maxResults=201');
      expect(tooLarge.status).toBe(400);
      expect(tooLarge.body).toMatchObject({
        errorMessages: ["Parameter 'maxResults' must not exceed the limit '200'"],
      });
    });
  });

  describe('issues', () => {
    it('creates issues with consecutive keys and shows their fields', async () => {
      const first = await jira('POST', '/issue', { fields: taskFields() });
      const second = await create({ summary: 'Second' });
      expect(first.body).toEqual({ id: '10001', key: 'PROJ-1', self: `${fake.url}/rest/api/3/issue/10001` });
      expect(second).toBe('PROJ-2');

      const issue = await jira('GET', '/issue/PROJ-1');
      expect(issue.status).toBe(200);
      expect(issue.body).toMatchObject({
        id: '10001',
        key: 'PROJ-1',
        fields: {
          summary: 'Containers run as root in shop/web',
          labels: ['kubeassay', 'kubeassay-ticket-1'],
          status: { name: 'To Do', statusCategory: { key: 'new' } },
          priority: { name: 'High' },
          description: adf('Set runAsNonRoot.'),
          duedate: '2030-01-31',
          [TEAM_FIELD]: { value: 'Platform' },
          comment: { comments: [], total: 0 },
          resolution: null,
        },
      });
      expect((issue.body as { fields: { created: string } }).fields.created).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/,
      );
      expect(fake.counters.issuesCreated).toBe(2);
    });

    it('returns only the fields asked for', async () => {
      const key = await create();
      const issue = await jira('GET', `/issue/${key}?fields=summary,labels`);
      expect(Object.keys((issue.body as { fields: object }).fields).sort()).toEqual(['labels', 'summary']);
    });

    it("refuses a create missing required fields with Jira's error shape, creating nothing", async () => {
      const refused = await jira('POST', '/issue', {
        fields: { project: { key: 'PROJ' }, issuetype: { name: 'Task' }, labels: ['fine'] },
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        errorMessages: [],
        errors: { summary: 'You must specify a summary of the issue.', [TEAM_FIELD]: 'Team is required.' },
      });
      expect(fake.issues()).toEqual([]);
    });

    it.each([
      [
        'a label with a space',
        { labels: ['has space'] },
        'labels',
        "The label 'has space' contains spaces which is invalid.",
      ],
      [
        'an unknown priority',
        { priority: { name: 'Urgent' } },
        'priority',
        "Specify a valid 'id' or 'name' for Priority",
      ],
      [
        'a description that is not a document',
        { description: 'plain text' },
        'description',
        'Operation value must be an Atlassian Document (see the Atlassian Document Format)',
      ],
      [
        'an empty text node',
        { description: adf('') },
        'description',
        'INVALID_INPUT (a text node has empty text)',
      ],
      [
        'a field not on the screen',
        { customfield_99999: 'x' },
        'customfield_99999',
        "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      ],
      [
        'an option not allowed',
        { [TEAM_FIELD]: { value: 'Nobody' } },
        TEAM_FIELD,
        "Option value 'Nobody' is not valid",
      ],
      ['a malformed due date', { duedate: '31/01/2030' }, 'duedate', 'Error parsing date string: 31/01/2030'],
    ])('refuses %s', async (_case, overrides, field, message) => {
      const refused = await jira('POST', '/issue', { fields: taskFields(overrides) });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ errorMessages: [], errors: { [field]: message } });
      expect(fake.counters.issuesCreated).toBe(0);
    });

    it('refuses an unknown project or issue type first', async () => {
      const project = await jira('POST', '/issue', { fields: taskFields({ project: { key: 'OTHER' } }) });
      const issueType = await jira('POST', '/issue', { fields: taskFields({ issuetype: { name: 'Epic' } }) });
      expect(project.body).toEqual({
        errorMessages: [],
        errors: { project: 'Specify a valid project ID or key' },
      });
      expect(issueType.body).toEqual({
        errorMessages: [],
        errors: { issuetype: 'The issue type selected is invalid.' },
      });
    });

    it('edits fields and labels, answering 204', async () => {
      const key = await create();
      const edited = await jira('PUT', `/issue/${key}`, {
        fields: { summary: 'Renamed', priority: { name: 'Low' } },
        update: { labels: [{ add: 'reopened' }, { remove: 'kubeassay' }] },
      });
      expect(edited.status).toBe(204);
      expect(fake.issue(key)).toMatchObject({
        summary: 'Renamed',
        priority: 'Low',
        labels: ['kubeassay-ticket-1', 'reopened'],
      });
      const refused = await jira('PUT', `/issue/${key}`, {
        fields: { labels: ['two words'], status: 'Done' },
      });
      expect(refused.status).toBe(400);
      expect(Object.keys((refused.body as { errors: object }).errors).sort()).toEqual(['labels', 'status']);
      expect(fake.issue(key)?.summary).toBe('Renamed');
    });

    it('answers 404 for an issue that does not exist', async () => {
      const missing = await jira('GET', '/issue/PROJ-404');
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({
        errorMessages: ['Issue does not exist or you do not have permission to see it.'],
        errors: {},
      });
    });
  });

  describe('search', () => {
    beforeEach(async () => {
      await create({ labels: ['kubeassay', 'kubeassay-ticket-1'] });
      await create({ labels: ['kubeassay', 'kubeassay-ticket-2'] });
      await create({ labels: ['kubeassay', 'kubeassay-ticket-3'] });
    });

    it('finds an issue by its label, with the fields asked for', async () => {
      const found = await search({ jql: 'labels = "kubeassay-ticket-2"', fields: ['labels', 'status'] });
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({
        isLast: true,
        issues: [
          {
            key: 'PROJ-2',
            fields: { labels: ['kubeassay', 'kubeassay-ticket-2'], status: { name: 'To Do' } },
          },
        ],
      });
      const fields = (found.body as { issues: { fields: object }[] }).issues[0]?.fields;
      expect(Object.keys(fields ?? {}).sort()).toEqual(['labels', 'status']);
    });

    it('answers ids only when no fields are asked for', async () => {
      const found = await search({ jql: 'labels = kubeassay-ticket-1' });
      expect(found.body).toEqual({ issues: [{ id: '10001' }], isLast: true });
    });

    it('combines labels in (…), project and status clauses, and orders', async () => {
      await fake.setStatus('PROJ-3', 'Done');
      const query =
        'project = PROJ AND labels in ("kubeassay-ticket-1", kubeassay-ticket-3) ORDER BY key ASC';
      expect(keysOf(await search({ jql: query, fields: ['key'] }))).toEqual(['PROJ-1', 'PROJ-3']);
      const open = await search({
        jql: 'labels = kubeassay AND statusCategory != Done ORDER BY created DESC',
        fields: ['key'],
      });
      expect(keysOf(open)).toEqual(['PROJ-2', 'PROJ-1']);
      const done = await search({ jql: 'project = PROJ AND status = "Done"', fields: ['key'] });
      expect(keysOf(done)).toEqual(['PROJ-3']);
      const recent = await search({ jql: 'project = PROJ AND updated >= "-5m"', fields: ['key'] });
      expect(keysOf(recent)).toHaveLength(3);
      const none = await search({ jql: 'project = PROJ AND updated >= "2999-01-01 00:00"', fields: ['key'] });
      expect(keysOf(none)).toEqual([]);
    });

    it('pages with maxResults and nextPageToken', async () => {
      const first = await search({ jql: 'labels = kubeassay ORDER BY key', fields: ['key'], maxResults: 2 });
      const firstPage = first.body as { isLast: boolean; nextPageToken?: string };
      expect(keysOf(first)).toEqual(['PROJ-1', 'PROJ-2']);
      expect(firstPage.isLast).toBe(false);
      const second = await search({
        jql: 'labels = kubeassay ORDER BY key',
        fields: ['key'],
        maxResults: 2,
        nextPageToken: firstPage.nextPageToken,
      });
      expect(keysOf(second)).toEqual(['PROJ-3']);
      expect(second.body).toMatchObject({ isLast: true });
      expect(second.body).not.toHaveProperty('nextPageToken');
    });

    it.each([
      ['an unbounded query', 'ORDER BY created DESC', 'Unbounded JQL queries are not allowed here.'],
      ['an unknown field', 'colour = red', "Field 'colour' does not exist"],
      ['an unknown status', 'status = Closed', "The value 'Closed' does not exist for the field 'status'."],
      [
        'a function the fake does not model',
        'labels = currentUser()',
        "the function 'currentUser()' is not supported",
      ],
      ['broken syntax', 'labels = ', 'Error in the JQL Query'],
    ])('refuses %s with 400', async (_case, jql, message) => {
      const refused = await search({ jql });
      expect(refused.status).toBe(400);
      expect((refused.body as { errorMessages: string[] }).errorMessages[0]).toContain(message);
    });

    it('leaves new issues out until the search index catches up, unless reconciled', async () => {
      fake.setFaults({ searchLagMs: 60_000 });
      const key = await create({ labels: ['fresh'] });
      const id = fake.issue(key)?.id ?? '';
      expect(keysOf(await search({ jql: 'labels = fresh', fields: ['key'] }))).toEqual([]);
      const reconciled = await search({
        jql: 'labels = fresh',
        fields: ['key'],
        reconcileIssues: [Number(id)],
      });
      expect(keysOf(reconciled)).toEqual([key]);
    });
  });

  describe('workflow and comments', () => {
    it('transitions To Do → In Progress → Done → To Do, setting and clearing the resolution', async () => {
      const key = await create();
      const open = await jira('GET', `/issue/${key}/transitions`);
      const names = (
        open.body as { transitions: { id: string; name: string; to: { statusCategory: { key: string } } }[] }
      ).transitions;
      expect(names.map(({ id, name, to }) => [id, name, to.statusCategory.key])).toEqual([
        ['21', 'In Progress', 'indeterminate'],
        ['31', 'Done', 'done'],
      ]);

      expect((await jira('POST', `/issue/${key}/transitions`, { transition: { id: '21' } })).status).toBe(
        204,
      );
      expect((await jira('POST', `/issue/${key}/transitions`, { transition: { id: '31' } })).status).toBe(
        204,
      );
      const done = await jira('GET', `/issue/${key}?fields=status,resolution`);
      expect(done.body).toMatchObject({
        fields: { status: { name: 'Done', statusCategory: { key: 'done' } }, resolution: { name: 'Done' } },
      });

      expect((await jira('POST', `/issue/${key}/transitions`, { transition: { id: '11' } })).status).toBe(
        204,
      );
      expect(fake.issue(key)).toMatchObject({ status: 'To Do', statusCategory: 'new' });
      expect(fake.counters.transitions).toBe(3);
    });

    it('refuses a transition that is not open from the current status', async () => {
      const key = await create();
      const refused = await jira('POST', `/issue/${key}/transitions`, { transition: { id: '11' } });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        errorMessages: ["Transition id '11' is not valid for this issue."],
        errors: {},
      });
    });

    it('adds a comment in ADF, also with a transition, and shows it on the issue', async () => {
      const key = await create();
      const added = await jira('POST', `/issue/${key}/comment`, { body: adf('Verified by assessment 42.') });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        id: '10000',
        body: adf('Verified by assessment 42.'),
        author: { accountId: fake.user.accountId },
      });
      await jira('POST', `/issue/${key}/transitions`, {
        transition: { id: '31' },
        update: { comment: [{ add: { body: adf('Closing.') } }] },
      });
      const issue = await jira('GET', `/issue/${key}?fields=comment`);
      expect(issue.body).toMatchObject({ fields: { comment: { total: 2 } } });
      expect(fake.issue(key)?.comments.map((comment) => comment.body)).toEqual([
        adf('Verified by assessment 42.'),
        adf('Closing.'),
      ]);
      const refused = await jira('POST', `/issue/${key}/comment`, { body: 'plain text' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        errors: { comment: expect.stringContaining('Atlassian Document') as string },
      });
    });
  });

  describe('faults', () => {
    it('answers 429 with Retry-After on every n-th request', async () => {
      fake.setFaults({ rateLimitEvery: 3, retryAfterSeconds: 2 });
      const statuses: number[] = [];
      let limited: JiraResponse | undefined;
      for (let call = 0; call < 6; call += 1) {
        const response = await jira('GET', '/myself');
        statuses.push(response.status);
        limited = response.status === 429 ? response : limited;
      }
      expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
      expect(limited?.headers.get('retry-after')).toBe('2');
      expect(limited?.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
      expect(fake.counters.rateLimited).toBe(2);
      expect(fake.requests.filter((request) => request.injected === 'rateLimit')).toHaveLength(2);
    });

    it('fails the next requests with a 5xx, optionally after carrying them out', async () => {
      fake.failNext(2, 503);
      expect((await jira('GET', '/myself')).status).toBe(503);
      expect((await jira('POST', '/issue', { fields: taskFields() })).status).toBe(503);
      expect(fake.issues()).toHaveLength(0);
      expect((await jira('GET', '/myself')).status).toBe(200);

      fake.failNext(1, 502, { applied: true });
      expect((await jira('POST', '/issue', { fields: taskFields() })).status).toBe(502);
      expect(fake.issues().map((issue) => issue.key)).toEqual(['PROJ-1']);
    });

    it('delays answers by latencyMs', async () => {
      fake.setFaults({ latencyMs: 120 });
      const started = Date.now();
      await jira('GET', '/myself');
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(fake.requests[0]?.durationMs).toBeGreaterThanOrEqual(110);
    });

    it.each(['refuse', 'reset'] as const)(
      'is unreachable while down (%s) and serves again once up',
      async (mode) => {
        await jira('GET', '/myself');
        await fake.down(mode);
        try {
          await expect(jira('GET', '/myself')).rejects.toThrow('fetch failed');
        } finally {
          await fake.up();
        }
        expect((await jira('GET', '/myself')).status).toBe(200);
      },
    );

    it('holds requests unanswered while down (hang)', async () => {
      await fake.down('hang');
      try {
        const hung = fetch(`${fake.url}/rest/api/3/myself`, {
          headers: { Authorization: fake.basicAuthorization() },
          signal: AbortSignal.timeout(200),
        });
        await expect(hung).rejects.toThrow(/aborted/i);
      } finally {
        await fake.up();
      }
      expect((await jira('GET', '/myself')).status).toBe(200);
    });
  });

  describe('webhooks', () => {
    const secret = 'webhook-secret-from-settings';
    let receiver: Server;
    let receiverUrl: string;
    let received: { headers: IncomingHttpHeaders; body: string }[];

    beforeAll(async () => {
      receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
          response.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/integrations/jira/webhook`;
    });

    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    beforeEach(() => {
      received = [];
      fake.setWebhook({ url: receiverUrl, secret });
    });

    afterEach(() => fake.setWebhook(undefined));

    function verifies(headers: IncomingHttpHeaders, body: string, key: string): boolean {
      const expected = Buffer.from(`sha256=${createHmac('sha256', key).update(body).digest('hex')}`);
      const presented = Buffer.from(String(headers['x-hub-signature']));
      return presented.length === expected.length && timingSafeEqual(presented, expected);
    }

    it('announces a status change as jira:issue_updated, signed over the raw body', async () => {
      const key = await create();
      const delivery = await fake.setStatus(key, 'Done');
      expect(delivery?.status).toBe(204);
      expect(received).toHaveLength(1);
      const [message] = received;
      if (!message) {
        throw new Error('no webhook received');
      }
      expect(verifies(message.headers, message.body, secret)).toBe(true);
      expect(verifies(message.headers, message.body, 'another-secret')).toBe(false);
      expect(message.headers['x-atlassian-webhook-identifier']).toBe(delivery?.identifier);
      expect(message.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(message.body)).toMatchObject({
        webhookEvent: 'jira:issue_updated',
        timestamp: expect.any(Number) as number,
        issue: {
          key,
          id: fake.issue(key)?.id,
          fields: {
            status: { name: 'Done', statusCategory: { key: 'done' } },
            labels: ['kubeassay', 'kubeassay-ticket-1'],
          },
        },
        changelog: { items: [{ field: 'status', fromString: 'To Do', toString: 'Done' }] },
      });
    });

    it('resends a delivery with the same identifier and bytes, as a retry', async () => {
      const key = await create();
      const first = await fake.setStatus(key, 'Done');
      if (!first) {
        throw new Error('no delivery');
      }
      const again = await fake.resendWebhook(first);
      expect(again.identifier).toBe(first.identifier);
      expect(received.map((message) => message.body)).toEqual([first.body, first.body]);
      expect(received[1]?.headers['x-atlassian-webhook-retry']).toBe('1');
      expect(received[1]?.headers['x-hub-signature']).toBe(received[0]?.headers['x-hub-signature']);
      expect(fake.webhookDeliveries).toHaveLength(2);
    });

    it('gives every new delivery its own identifier, also for transitions made over the API', async () => {
      const key = await create();
      await jira('POST', `/issue/${key}/transitions`, { transition: { id: '21' } });
      const manual = await fake.sendWebhook(receiverUrl, secret, fake.issueUpdatedEvent(key));
      await until(() => received.length === 2);
      const identifiers = received.map((message) => message.headers['x-atlassian-webhook-identifier']);
      expect(new Set(identifiers).size).toBe(2);
      expect(identifiers).toContain(manual.identifier);
    });

    it('records a delivery that could not reach its receiver', async () => {
      const key = await create();
      fake.setWebhook({ url: 'http://127.0.0.1:1/unreachable', secret });
      const delivery = await fake.setStatus(key, 'In Progress');
      expect(delivery?.status).toBeUndefined();
      expect(delivery?.error).toBeDefined();
    });
  });

  describe('write concurrency', () => {
    it('notices two writes to one issue in flight at once', async () => {
      const [shared, other] = [await create(), await create({ summary: 'Other' })];
      fake.setFaults({ latencyMs: 80 });
      await Promise.all([
        jira('PUT', `/issue/${shared}`, { fields: { summary: 'One' } }),
        jira('POST', `/issue/${shared}/comment`, { body: adf('Two') }),
      ]);
      await jira('PUT', `/issue/${other}`, { fields: { summary: 'Three' } });
      await jira('PUT', `/issue/${other}`, { fields: { summary: 'Four' } });
      expect(fake.writeConcurrency(shared)).toEqual({ writes: 2, maxInFlight: 2 });
      expect(fake.writeConcurrency(other)).toEqual({ writes: 2, maxInFlight: 1 });
      expect(fake.overlappingWrites()).toEqual([shared]);
    });

    it('does not count concurrent writes to different issues as overlapping', async () => {
      const keys = [await create(), await create(), await create()];
      fake.setFaults({ latencyMs: 50 });
      await Promise.all(
        keys.map((key) => jira('POST', `/issue/${key}/transitions`, { transition: { id: '31' } })),
      );
      expect(fake.overlappingWrites()).toEqual([]);
      expect(keys.map((key) => fake.writeConcurrency(key).maxInFlight)).toEqual([1, 1, 1]);
    });
  });

  it('records every request with its method, path, body and answer', async () => {
    fake.setFaults(NO_FAULTS);
    await create();
    await jira('GET', '/issue/PROJ-1?fields=summary');
    expect(fake.requests.map(({ method, path, status, query }) => ({ method, path, status, query }))).toEqual(
      [
        { method: 'POST', path: '/rest/api/3/issue', status: 201, query: {} },
        { method: 'GET', path: '/rest/api/3/issue/PROJ-1', status: 200, query: { fields: 'summary' } },
      ],
    );
    expect(fake.requests[0]?.body).toMatchObject({
      fields: { summary: 'Containers run as root in shop/web' },
    });
  });
});
