import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '../../../common/errors/error-code';
import { adfDocument, paragraph } from './adf';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { parseRetryAfter, JiraRequestError } from './jira-request-error';

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (to make the client time out). */
  hang?: boolean;
}

const LOOPBACK_ALLOWED = { allowLoopback: true, allowPrivate: false };
const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 40, maxRetryAfterMs: 5_000 };
const EMAIL = 'consultant@example.com';
const API_TOKEN = 'ATATT3xFfGF0-secret-token';

/** A Jira stand-in answering each request with the next of `answers` (the last one repeats). */
class ScriptedJira {
  readonly received: Received[] = [];
  private server!: Server;

  constructor(private readonly answers: Answer[]) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        const answer = this.answers[Math.min(this.received.length, this.answers.length) - 1]!;
        if (answer.hang) {
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

async function withJira<T>(answers: Answer[], run: (jira: ScriptedJira) => Promise<T>): Promise<T> {
  const jira = await new ScriptedJira(answers).start();
  try {
    return await run(jira);
  } finally {
    await jira.stop();
  }
}

function client(baseUrl: string, overrides: Partial<JiraClientOptions> = {}) {
  return createJiraClient({
    baseUrl,
    auth: { type: 'basic', email: EMAIL, apiToken: API_TOKEN },
    policy: LOOPBACK_ALLOWED,
    retry: FAST_RETRY,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<JiraRequestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(JiraRequestError);
  return error as JiraRequestError;
}

describe('JiraClient', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends Basic base64(email:token) or the bearer token, and asks for JSON', async () => {
    await withJira([{ status: 200, body: { accountId: 'a-1', displayName: 'Mia' } }], async (jira) => {
      expect(await client(jira.url).myself()).toEqual({ accountId: 'a-1', displayName: 'Mia' });
      await client(jira.url, { auth: { type: 'bearer', token: 'pat-123' } }).myself();
      const [basic, bearer] = jira.received;
      expect(basic?.headers.authorization).toBe(
        `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`,
      );
      expect(basic?.headers.accept).toBe('application/json');
      expect(basic?.url).toBe('/rest/api/3/myself');
      expect(bearer?.headers.authorization).toBe('Bearer pat-123');
    });
  });

  it('sends the documented shapes: fields comma-separated, JQL on a quoted label, ADF comments', async () => {
    await withJira([{ status: 200, body: { issues: [{ key: 'SEC-1' }], isLast: true } }], async (jira) => {
      const jiraClient = client(jira.url);
      await jiraClient.getIssue('SEC-1', ['summary', 'status']);
      expect(await jiraClient.searchByLabel('SEC', 'kubeassay-ticket-"x"', ['status'])).toEqual([
        { key: 'SEC-1' },
      ]);
      await jiraClient.addComment('SEC-1', adfDocument([paragraph('verified')]));
      await jiraClient.transition('SEC-1', '31');
      const [get, search, comment, transition] = jira.received;
      expect(get?.url).toBe('/rest/api/3/issue/SEC-1?fields=summary,status');
      expect(JSON.parse(search!.body)).toEqual({
        jql: 'project = "SEC" AND labels = "kubeassay-ticket-\\"x\\"" ORDER BY created ASC',
        fields: ['status'],
      });
      expect(JSON.parse(comment!.body)).toEqual({
        body: {
          type: 'doc',
          version: 1,
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'verified' }] }],
        },
      });
      expect(`${transition?.method} ${transition?.url}`).toBe('POST /rest/api/3/issue/SEC-1/transitions');
      expect(JSON.parse(transition!.body)).toEqual({ transition: { id: '31' } });
    });
  });

  it('reports the fields an issue type requires that have no default', async () => {
    const answers: Answer[] = [
      {
        status: 200,
        body: {
          issueTypes: [
            { id: '10001', name: 'Task' },
            { id: '10002', name: 'Bug' },
          ],
          total: 2,
        },
      },
      {
        status: 200,
        body: {
          total: 3,
          fields: [
            { fieldId: 'summary', key: 'summary', name: 'Summary', required: true, hasDefaultValue: false },
            { fieldId: 'priority', key: 'priority', name: 'Priority', required: true, hasDefaultValue: true },
            { fieldId: 'customfield_10050', key: 'customfield_10050', name: 'Team', required: true },
          ],
        },
      },
    ];
    await withJira(answers, async (jira) => {
      const meta = await client(jira.url).createMeta('SEC', { name: 'Bug' });
      expect(meta?.issueType.id).toBe('10002');
      expect(meta?.requiredFields.map((field) => field.fieldId)).toEqual(['summary', 'customfield_10050']);
      expect(jira.received[1]?.url).toBe(
        '/rest/api/3/issue/createmeta/SEC/issuetypes/10002?startAt=0&maxResults=200',
      );
      expect(await client(jira.url).createMeta('SEC', { name: 'Epic' })).toBeUndefined();
    });
  });

  it('waits at least the Retry-After of a 429, plus jitter, then succeeds', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.99);
    const answers: Answer[] = [
      { status: 429, headers: { 'retry-after': '1' }, body: { errorMessages: ['Rate limit exceeded'] } },
      { status: 201, body: { id: '10000', key: 'SEC-1' } },
    ];
    await withJira(answers, async (jira) => {
      const started = Date.now();
      const created = await client(jira.url).createIssue({ summary: 'Run as non-root' });
      const waited = Date.now() - started;
      expect(created.key).toBe('SEC-1');
      expect(jira.received).toHaveLength(2);
      // 1 s asked for, and the jitter on top (at least 250 ms when random() is near 1).
      expect(waited).toBeGreaterThanOrEqual(1_240);
    });
  });

  it('fails at once, retryable, when Retry-After is longer than it may wait in place', async () => {
    await withJira([{ status: 429, headers: { 'retry-after': '120' } }], async (jira) => {
      const error = await failure(client(jira.url).myself());
      expect(jira.received).toHaveLength(1);
      expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 120_000 });
    });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('retries a 5xx with backoff, then gives up with a retryable error', async () => {
    await withJira([{ status: 503 }], async (jira) => {
      const started = Date.now();
      const error = await failure(client(jira.url).getIssue('SEC-1', ['status']));
      // At least half of each doubling ceiling: 10 ms, then 20 ms.
      expect(Date.now() - started).toBeGreaterThanOrEqual(5 + 10);
      expect(jira.received).toHaveLength(FAST_RETRY.maxAttempts);
      expect(error).toMatchObject({ status: 503, retryable: true });
      expect(error.message).toBe('Jira answered 503 to GET /rest/api/3/issue/{issueIdOrKey}');
    });
  });

  it('does not resend a create after a 5xx (it may have gone through), but does after a 429', async () => {
    await withJira([{ status: 502 }], async (jira) => {
      expect(await failure(client(jira.url).createIssue({ summary: 'x' }))).toMatchObject({
        retryable: true,
      });
      expect(jira.received).toHaveLength(1);
    });
    await withJira(
      [
        { status: 429, headers: { 'retry-after': '0' } },
        { status: 201, body: { key: 'SEC-2' } },
      ],
      async (jira) => {
        expect((await client(jira.url).createIssue({ summary: 'x' })).key).toBe('SEC-2');
        expect(jira.received).toHaveLength(2);
      },
    );
  });

  it("does not retry a 400 and names Jira's messages and fields", async () => {
    const body = {
      errorMessages: ['Issue type is required'],
      errors: { summary: 'You must specify a summary of the issue.', customfield_10050: 'Team is required.' },
    };
    await withJira([{ status: 400, body }], async (jira) => {
      const error = await failure(client(jira.url).createIssue({ description: 'x' }));
      expect(jira.received).toHaveLength(1);
      expect(error.retryable).toBe(false);
      expect(error.message).toBe(
        'Jira answered 400 to POST /rest/api/3/issue: Issue type is required; ' +
          'summary: You must specify a summary of the issue.; customfield_10050: Team is required.',
      );
      expect(error.fieldErrors).toEqual(body.errors);
    });
  });

  it('times out an attempt that gets no answer, and retries it', async () => {
    await withJira([{ status: 200, hang: true }], async (jira) => {
      const error = await failure(
        client(jira.url, { timeoutMs: 200, retry: { ...FAST_RETRY, maxAttempts: 2 } }).myself(),
      );
      expect(jira.received).toHaveLength(2);
      expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, status: undefined });
    });
  });

  it('stops waiting between attempts as soon as the caller aborts', async () => {
    await withJira([{ status: 429, headers: { 'retry-after': '4' } }], async (jira) => {
      const controller = new AbortController();
      const started = Date.now();
      const call = client(jira.url).myself(controller.signal);
      setTimeout(() => controller.abort(), 100);
      await expect(call).rejects.toHaveProperty('name', 'AbortError');
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(jira.received).toHaveLength(1);
    });
  });

  it('refuses a metadata or link-local address before connecting', async () => {
    const metadata = await failure(client('http://169.254.169.254').myself());
    expect(metadata).toMatchObject({ code: ErrorCode.AddressMetadataForbidden, retryable: false });
    const linkLocal = await failure(client('http://[fe80::1]:8080').myself());
    expect(linkLocal).toMatchObject({ code: ErrorCode.AddressLinkLocalForbidden, retryable: false });

    // A host name is checked on the addresses it resolves to, before the socket connects.
    let connections = 0;
    const listener = createTcpServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    const noLoopback = { allowLoopback: false, allowPrivate: false };
    const loopback = await failure(client(`https://localhost:${port}`, { policy: noLoopback }).myself());
    listener.close();
    expect(loopback).toMatchObject({ code: ErrorCode.AddressLoopbackForbidden, retryable: false });
    expect(connections).toBe(0);
  });

  it('refuses plain http unless loopback is allowed, and credentials in the base URL', () => {
    const noLoopback = { allowLoopback: false, allowPrivate: false };
    expect(() => client('http://jira.example.com', { policy: noLoopback })).toThrow('must use https');
    expect(() => client('https://me:pw@jira.example.com')).toThrow('no credentials');
  });

  it('never puts the token or email:token in an error, even when Jira echoes them', async () => {
    const secrets = [
      API_TOKEN,
      `${EMAIL}:${API_TOKEN}`,
      Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64'),
    ];
    const echo: Answer = {
      status: 401,
      body: {
        errorMessages: [`Bad credentials: Basic ${secrets[2]} (${secrets[1]})`],
        errors: { token: API_TOKEN },
      },
    };
    const refused = await withJira([echo], (jira) => failure(client(jira.url).myself()));
    const closedPort = await withJira([], (jira) => Promise.resolve(jira.url));
    const unreachable = await failure(client(closedPort).myself());
    const timedOut = await withJira([{ status: 200, hang: true }], (jira) =>
      failure(client(jira.url, { timeoutMs: 100, retry: { ...FAST_RETRY, maxAttempts: 1 } }).myself()),
    );
    expect(refused.message).toContain('Bad credentials: Basic [redacted]');
    expect(unreachable).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
    for (const error of [refused, unreachable, timedOut]) {
      const everything = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      for (const secret of secrets) {
        expect(everything).not.toContain(secret);
      }
      expect(error.message).not.toContain('127.0.0.1');
    }
  });
});
