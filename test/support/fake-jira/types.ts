/** The one project the fake serves. */
export interface JiraProject {
  id: string;
  key: string;
  name: string;
}

/** The account the credentials belong to, as `/rest/api/3/myself` reports it. */
export interface JiraUser {
  accountId: string;
  emailAddress: string;
  displayName: string;
}

/** Basic `email:apiToken` and `Bearer <bearerToken>` are both accepted; anything else answers 401. */
export interface JiraCredentials {
  email: string;
  apiToken: string;
  bearerToken: string;
}

/** A custom field of the project's create screen, on every issue type. */
export interface CustomFieldOptions {
  /** `customfield_<number>`. */
  id: string;
  name: string;
  /** `string` is a text field, `option` a single select of `allowedValues`, `number` a number field. */
  type: 'string' | 'option' | 'number';
  required: boolean;
  allowedValues?: string[];
}

/** Misbehaviour to inject; `setFaults(NO_FAULTS)` turns it all off. */
export interface FakeJiraFaults {
  /** Every n-th authenticated request answers 429 instead (0: never). */
  rateLimitEvery: number;
  /** The `Retry-After` of injected 429s, in seconds. */
  retryAfterSeconds: number;
  /** Delay before every answer, spent while the request counts as in flight. */
  latencyMs: number;
  /**
   * How long a new issue stays out of search results, as Jira's search index lags behind its writes;
   * ids passed in `reconcileIssues` are always found.
   */
  searchLagMs: number;
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface FakeJiraOptions {
  /** Default `{ id: '10000', key: 'PROJ', name: 'Remediation' }`. */
  project?: Partial<JiraProject>;
  /** Issue type names of the project; default `['Task', 'Bug']`. */
  issueTypes?: string[];
  /** Priority names, highest first; default Jira's `Highest` … `Lowest`. */
  priorities?: string[];
  /** Component names of the project; default none. */
  components?: string[];
  customFields?: CustomFieldOptions[];
  /** Generated when not given. */
  credentials?: Partial<JiraCredentials>;
  user?: Partial<JiraUser>;
  faults?: Partial<FakeJiraFaults>;
  /** Where status changes are announced as `jira:issue_updated`, signed with the secret. */
  webhook?: WebhookTarget;
}

/** `refuse`: nothing listens; `reset`: connections are accepted and closed; `hang`: requests never get an answer. */
export type OutageMode = 'refuse' | 'reset' | 'hang';

export type InjectedFault = 'rateLimit' | 'failure' | 'outage';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, if the request had one. */
  body: unknown;
  authenticatedBy: 'basic' | 'bearer' | undefined;
  /** Undefined when no answer was sent (an outage, a reset after applying). */
  status: number | undefined;
  injected: InjectedFault | undefined;
  /** The issue a write addressed, by key. */
  issueKey: string | undefined;
  startedAt: Date;
  durationMs: number;
}

export interface FakeJiraCounters {
  requests: number;
  unauthorized: number;
  rateLimited: number;
  injectedFailures: number;
  issuesCreated: number;
  issuesEdited: number;
  transitions: number;
  comments: number;
  searches: number;
}

export interface FailNextOptions {
  /** Carry the request out before answering the failure, as when a response is lost after Jira committed. */
  applied?: boolean;
  /** Only requests of this operation fail, e.g. `POST /rest/api/3/issue`; others pass by. */
  on?: string;
}

export interface JiraComment {
  id: string;
  body: unknown;
  created: Date;
}

/** A copy of an issue's state, for assertions. */
export interface JiraIssue {
  id: string;
  key: string;
  issueType: string;
  summary: string;
  /** Atlassian Document Format, or null. */
  description: unknown;
  labels: string[];
  priority: string | undefined;
  duedate: string | null;
  components: string[];
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  /** Custom field values by field id, as Jira stores them (`{ id, value }` for options). */
  customFields: Record<string, unknown>;
  comments: JiraComment[];
  created: Date;
  updated: Date;
}

/** Per issue: how many writes it received and the most that were ever in flight at once. */
export interface WriteConcurrency {
  writes: number;
  maxInFlight: number;
}

export interface ChangelogItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface WebhookEvent {
  timestamp: number;
  webhookEvent: string;
  issue_event_type_name?: string;
  user?: object;
  issue?: { id: string; key: string; self: string; fields: Record<string, unknown> };
  changelog?: { id: string; items: ChangelogItem[] };
  [field: string]: unknown;
}

export interface WebhookDelivery {
  url: string;
  /** `X-Atlassian-Webhook-Identifier`: unique per delivery, the same on every retry of it. */
  identifier: string;
  /** The exact bytes sent, which the signature covers. */
  body: string;
  headers: Record<string, string>;
  /** 0 for the first attempt; resends count up and send `X-Atlassian-Webhook-Retry`. */
  retry: number;
  /** The receiver's answer, or undefined when it could not be reached (`error`). */
  status: number | undefined;
  error: string | undefined;
}

export interface SendWebhookOptions {
  /** Reuse an identifier, as Jira does when it retries a delivery. */
  identifier?: string;
  retry?: number;
}

export interface FakeJira {
  /** `http://127.0.0.1:<port>`, Jira's base URL. */
  readonly url: string;
  readonly project: Readonly<JiraProject>;
  readonly user: Readonly<JiraUser>;
  readonly credentials: Readonly<JiraCredentials>;
  /** `Basic …` of the email and API token. */
  basicAuthorization(): string;
  /** `Bearer …` of the bearer token. */
  bearerAuthorization(): string;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  readonly counters: Readonly<FakeJiraCounters>;
  readonly webhookDeliveries: readonly WebhookDelivery[];

  /** Copies of every issue, in creation order. */
  issues(): JiraIssue[];
  /** A copy of one issue, by key or id. */
  issue(keyOrId: string): JiraIssue | undefined;
  /** Creates an issue directly, with the same validation as the API; throws Jira's errors. */
  createIssue(fields: Record<string, unknown>): { id: string; key: string };
  /** Moves an issue to a status by name, as a person would; announces it if a webhook is set. */
  setStatus(keyOrId: string, status: string): Promise<WebhookDelivery | undefined>;

  /** Write concurrency of one issue (writes: edit, transition, comment). */
  writeConcurrency(keyOrId: string): WriteConcurrency;
  /** Keys of the issues that ever had two writes in flight at once. */
  overlappingWrites(): string[];

  setFaults(faults: Partial<FakeJiraFaults>): void;
  /** The next `count` authenticated requests answer `status` (default 503). */
  failNext(count: number, status?: number, options?: FailNextOptions): void;
  /** Jira unreachable until `up()`. */
  down(mode?: OutageMode): Promise<void>;
  up(): Promise<void>;

  setWebhook(target: WebhookTarget | undefined): void;
  /** A `jira:issue_updated` event of the issue as it is now, with these changes. */
  issueUpdatedEvent(keyOrId: string, items?: ChangelogItem[]): WebhookEvent;
  /** POSTs the event, signed with `X-Hub-Signature: sha256=<HMAC-SHA256(secret, body)>`. */
  sendWebhook(
    url: string,
    secret: string,
    event: WebhookEvent,
    options?: SendWebhookOptions,
  ): Promise<WebhookDelivery>;
  /** Sends the same bytes, signature and identifier again, as a Jira retry. */
  resendWebhook(delivery: WebhookDelivery): Promise<WebhookDelivery>;

  /** Forgets issues, requests, counters, deliveries and faults; keeps the configuration. */
  reset(): void;
  close(): Promise<void>;
}
