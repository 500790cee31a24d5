import { randomBytes } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults';
import { createIssue, type OperationContext } from './issue-operations';
import { IssueStore, type StatusChange, type StoredIssue, WriteTracker } from './issue-store';
import { requestHandler } from './request-handler';
import { type CustomOption, JiraSite, type NamedItem } from './site';
import type {
  ChangelogItem,
  FailNextOptions,
  FakeJira,
  FakeJiraCounters,
  FakeJiraFaults,
  FakeJiraOptions,
  JiraCredentials,
  JiraIssue,
  JiraProject,
  JiraUser,
  OutageMode,
  RecordedRequest,
  SendWebhookOptions,
  WebhookDelivery,
  WebhookEvent,
  WebhookTarget,
  WriteConcurrency,
} from './types';
import { issueUpdatedEvent, WebhookSender } from './webhooks';
import { statusNamed } from './workflow';

/** The handle a test holds: the server, its state, and the controls over both. */
export class FakeJiraServer implements FakeJira {
  readonly url: string;
  readonly project: Readonly<JiraProject>;
  readonly user: Readonly<JiraUser>;
  readonly credentials: Readonly<JiraCredentials>;
  readonly requests: RecordedRequest[] = [];
  readonly counters: FakeJiraCounters = zeroCounters();
  /** Kept for `up()`: a closed server has no address. */
  private readonly port: number;
  private readonly site: JiraSite;
  private readonly store: IssueStore;
  private readonly writes = new WriteTracker();
  private readonly faults: FaultInjector;
  private readonly webhooks = new WebhookSender();
  private readonly hung = new Set<ServerResponse>();
  private readonly operations: OperationContext;
  private webhook: WebhookTarget | undefined;

  /** Takes a server already listening on 127.0.0.1, whose port becomes Jira's base URL. */
  constructor(
    private readonly server: Server,
    options: FakeJiraOptions,
  ) {
    this.port = (server.address() as AddressInfo).port;
    this.site = new JiraSite(`http://127.0.0.1:${this.port}`, options);
    this.url = this.site.baseUrl;
    this.project = this.site.project;
    this.user = this.site.user;
    this.credentials = {
      email: options.credentials?.email ?? this.site.user.emailAddress,
      apiToken: options.credentials?.apiToken ?? randomBytes(18).toString('base64url'),
      bearerToken: options.credentials?.bearerToken ?? randomBytes(32).toString('base64url'),
    };
    this.store = new IssueStore(this.site.project.key);
    this.faults = new FaultInjector(options.faults);
    this.webhook = options.webhook;
    this.operations = {
      site: this.site,
      store: this.store,
      counters: this.counters,
      now: () => new Date(),
      announce: (issue, change) => void this.announce(issue, change),
    };
    this.serve();
  }

  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.webhooks.deliveries;
  }

  basicAuthorization(): string {
    const { email, apiToken } = this.credentials;
    return `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  }

  bearerAuthorization(): string {
    return `Bearer ${this.credentials.bearerToken}`;
  }

  issues(): JiraIssue[] {
    return this.store.all().map(snapshot);
  }

  issue(keyOrId: string): JiraIssue | undefined {
    const issue = this.store.find(keyOrId);
    return issue && snapshot(issue);
  }

  createIssue(fields: Record<string, unknown>): { id: string; key: string } {
    const created = createIssue(this.operations, { fields });
    if ('errors' in created) {
      throw new Error(`fake-jira: the issue was refused: ${JSON.stringify(created.errors)}`);
    }
    return { id: created.issue.id, key: created.issue.key };
  }

  async setStatus(keyOrId: string, name: string): Promise<WebhookDelivery | undefined> {
    const issue = this.found(keyOrId);
    const status = statusNamed(name);
    if (!status) {
      throw new Error(`fake-jira: no status ${name}`);
    }
    if (status.id === issue.status.id) {
      return undefined;
    }
    return this.announce(issue, this.store.transition(issue, status, new Date()));
  }

  writeConcurrency(keyOrId: string): WriteConcurrency {
    return this.writes.of(this.store.find(keyOrId)?.key ?? keyOrId.toUpperCase());
  }

  overlappingWrites(): string[] {
    return this.writes.overlapping();
  }

  setFaults(faults: Partial<FakeJiraFaults>): void {
    this.faults.set(faults);
  }

  failNext(count: number, status = 503, options: FailNextOptions = {}): void {
    this.faults.failNext(count, status, options);
  }

  async down(mode: OutageMode = 'refuse'): Promise<void> {
    if (this.faults.outage !== undefined) {
      throw new Error(`fake-jira: already down (${this.faults.outage})`);
    }
    this.faults.outage = mode;
    if (mode === 'refuse') {
      await stopListening(this.server);
    }
  }

  /** Back on the same port; requests held by a `hang` are cut, as a restarted Jira would. */
  async up(): Promise<void> {
    const mode = this.faults.outage;
    this.faults.outage = undefined;
    this.releaseHung();
    if (mode === 'refuse') {
      await listen(this.server, this.port);
    }
  }

  setWebhook(target: WebhookTarget | undefined): void {
    this.webhook = target;
  }

  issueUpdatedEvent(keyOrId: string, items: ChangelogItem[] = []): WebhookEvent {
    return issueUpdatedEvent(this.site, this.found(keyOrId), { id: String(Date.now()), items }, new Date());
  }

  sendWebhook(
    url: string,
    secret: string,
    event: WebhookEvent,
    options?: SendWebhookOptions,
  ): Promise<WebhookDelivery> {
    return this.webhooks.send(url, secret, event, options);
  }

  resendWebhook(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    return this.webhooks.resend(delivery);
  }

  reset(): void {
    this.store.clear();
    this.writes.clear();
    this.faults.clear();
    this.webhooks.clear();
    this.requests.length = 0;
    Object.assign(this.counters, zeroCounters());
  }

  async close(): Promise<void> {
    this.releaseHung();
    if (this.server.listening) {
      await stopListening(this.server);
    }
    await this.webhooks.settle();
  }

  private serve(): void {
    const { operations, faults, writes, credentials, requests, hung } = this;
    this.server.on('request', requestHandler({ operations, faults, writes, credentials, requests, hung }));
    this.server.on('connection', (socket) => {
      if (faults.outage === 'reset') {
        socket.destroy();
      }
    });
  }

  /** Jira tells its webhook of a status change, with the issue as it is now. */
  private announce(issue: StoredIssue, change: StatusChange): Promise<WebhookDelivery> | undefined {
    if (!this.webhook) {
      return undefined;
    }
    const changelog = { id: change.changelogId, items: [change.item] };
    const event = issueUpdatedEvent(this.site, issue, changelog, new Date());
    return this.webhooks.send(this.webhook.url, this.webhook.secret, event);
  }

  private found(keyOrId: string): StoredIssue {
    const issue = this.store.find(keyOrId);
    if (!issue) {
      throw new Error(`fake-jira: no issue ${keyOrId}`);
    }
    return issue;
  }

  private releaseHung(): void {
    for (const response of this.hung) {
      response.destroy();
    }
    this.hung.clear();
  }
}

function snapshot(issue: StoredIssue): JiraIssue {
  const value = (id: string): unknown => issue.fields.get(id);
  const customFields: Record<string, unknown> = {};
  for (const [id, stored] of issue.fields) {
    if (id.startsWith('customfield_')) {
      customFields[id] = isOption(stored) ? { id: stored.id, value: stored.value } : stored;
    }
  }
  return structuredClone({
    id: issue.id,
    key: issue.key,
    issueType: issue.issueType.name,
    summary: value('summary') as string,
    description: value('description') ?? null,
    labels: (value('labels') as string[] | undefined) ?? [],
    priority: (value('priority') as NamedItem | undefined)?.name,
    duedate: (value('duedate') as string | null | undefined) ?? null,
    components: ((value('components') as NamedItem[] | undefined) ?? []).map((component) => component.name),
    status: issue.status.name,
    statusCategory: issue.status.category.key,
    customFields,
    comments: issue.comments.map(({ id, body, created }) => ({ id, body, created })),
    created: issue.created,
    updated: issue.updated,
  });
}

function isOption(value: unknown): value is CustomOption {
  return value !== null && typeof value === 'object' && 'value' in value && 'id' in value;
}

function zeroCounters(): FakeJiraCounters {
  return {
    requests: 0,
    unauthorized: 0,
    rateLimited: 0,
    injectedFailures: 0,
    issuesCreated: 0,
    issuesEdited: 0,
    transitions: 0,
    comments: 0,
    searches: 0,
  };
}

export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting connections and cuts the open ones, idle keep-alive sockets included. */
function stopListening(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
