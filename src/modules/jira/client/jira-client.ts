import type { RetryPolicy } from 'cockatiel';
import createClient, { type Client } from 'openapi-fetch';
import type { AddressPolicy } from '../../../common/network/address-policy';
import type { AdfDocument } from './adf';
import { guardedFetch, type JiraFetch } from './guarded-fetch';
import { type JiraAuth, jiraAuthorization, jiraBaseUrl } from './jira-connection';
import { jiraResponseError } from './jira-request-error';
import { DEFAULT_JIRA_RETRY, jiraRetryPolicy, type JiraRetryOptions } from './jira-retry';
import type { components, paths } from './jira-schema';

type Schemas = components['schemas'];
export type JiraUser = Schemas['User'];
export type JiraIssue = Schemas['IssueBean'];
export type JiraCreatedIssue = Schemas['CreatedIssue'];
export type JiraIssueType = Schemas['IssueTypeIssueCreateMetadata'];
export type JiraFieldMetadata = Schemas['FieldCreateMetadata'];
export type JiraTransition = Schemas['IssueTransition'];
export type JiraComment = Schemas['Comment'];
export type JiraSearchResults = Schemas['SearchAndReconcileResults'];
/** Field id → value, as Jira takes them on create and edit (`summary`, `labels`, `customfield_10010`, ...). */
export type JiraFields = NonNullable<Schemas['IssueUpdateDetails']['fields']>;

export interface JiraClientOptions {
  /** e.g. `https://example.atlassian.net`; https only, unless the policy allows loopback (tests, development). */
  baseUrl: string;
  auth: JiraAuth;
  /** The address policy of cluster API servers: Jira's host is user-given too. */
  policy: AddressPolicy;
  /** Deadline of one attempt. */
  timeoutMs?: number;
  retry?: Partial<JiraRetryOptions>;
  /** Replaces the guarded transport, and with it the address policy and the deadline: for tests only. */
  fetch?: JiraFetch;
}

/** An issue type's create screen: every field, and those Jira requires that have no default value. */
export interface JiraCreateMeta {
  issueType: JiraIssueType;
  fields: JiraFieldMetadata[];
  requiredFields: JiraFieldMetadata[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Jira's largest page for the create metadata operations. */
const CREATE_META_PAGE = 200;

/** `promise`, or the signal's reason as soon as it aborts (cockatiel's waits between attempts do not stop). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) {
    return promise;
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** JQL string literal: Jira's escapes for a quote and a backslash. */
function jqlString(value: string): string {
  return `"${value.replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

type Outcome<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/**
 * The Jira Cloud REST v3 operations the ticket integration uses, typed from the committed subset spec. Every
 * call retries on throttling (honouring `Retry-After`) and on transient failures, has a deadline per attempt,
 * takes an optional AbortSignal, and fails with a {@link JiraRequestError}.
 */
export class JiraClient {
  private readonly client: Client<paths>;
  private readonly secrets: string[];
  private readonly idempotentRetry: RetryPolicy;
  private readonly unsafeRetry: RetryPolicy;

  constructor(options: JiraClientOptions) {
    const retryOptions = { ...DEFAULT_JIRA_RETRY, ...options.retry };
    const { header, secrets } = jiraAuthorization(options.auth);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.client = createClient<paths>({
      baseUrl: jiraBaseUrl(options.baseUrl, options.policy),
      fetch: options.fetch ?? guardedFetch({ policy: options.policy, timeoutMs }),
      headers: { authorization: header, accept: 'application/json' },
      // Jira reads list parameters (`fields`) comma-separated.
      querySerializer: { array: { style: 'form', explode: false } },
    });
    this.secrets = secrets;
    this.idempotentRetry = jiraRetryPolicy(retryOptions, true);
    this.unsafeRetry = jiraRetryPolicy(retryOptions, false);
  }

  /** The account the credentials belong to: the verify call. */
  myself(signal?: AbortSignal): Promise<JiraUser> {
    return this.call('GET /rest/api/3/myself', signal, (attempt) =>
      this.client.GET('/rest/api/3/myself', { signal: attempt }),
    );
  }

  async issueTypes(projectKey: string, signal?: AbortSignal): Promise<JiraIssueType[]> {
    return this.allPages(async (startAt) => {
      const page = await this.call(
        'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes',
        signal,
        (attempt) =>
          this.client.GET('/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes', {
            params: {
              path: { projectIdOrKey: projectKey },
              query: { startAt, maxResults: CREATE_META_PAGE },
            },
            signal: attempt,
          }),
      );
      return { items: page.issueTypes ?? [], total: page.total };
    });
  }

  /**
   * The create screen of an issue type of the project, named by id or name; undefined when the project has no
   * such issue type (`issueTypes` lists them).
   */
  async createMeta(
    projectKey: string,
    issueType: { id: string } | { name: string },
    signal?: AbortSignal,
  ): Promise<JiraCreateMeta | undefined> {
    const type = (await this.issueTypes(projectKey, signal)).find((candidate) =>
      'id' in issueType ? candidate.id === issueType.id : candidate.name === issueType.name,
    );
    if (!type?.id) {
      return undefined;
    }
    const fields = await this.createFields(projectKey, type.id, signal);
    return {
      issueType: type,
      fields,
      requiredFields: fields.filter((field) => field.required && !field.hasDefaultValue),
    };
  }

  /** Not resent after a timeout or a 5xx (it may have gone through): the caller searches by label first. */
  createIssue(fields: JiraFields, signal?: AbortSignal): Promise<JiraCreatedIssue> {
    return this.call(
      'POST /rest/api/3/issue',
      signal,
      (attempt) => this.client.POST('/rest/api/3/issue', { body: { fields }, signal: attempt }),
      false,
    );
  }

  async editIssue(key: string, fields: JiraFields, signal?: AbortSignal): Promise<void> {
    await this.call('PUT /rest/api/3/issue/{issueIdOrKey}', signal, (attempt) =>
      this.client.PUT('/rest/api/3/issue/{issueIdOrKey}', {
        params: { path: { issueIdOrKey: key } },
        body: { fields },
        signal: attempt,
      }),
    );
  }

  getIssue(key: string, fields: string[], signal?: AbortSignal): Promise<JiraIssue> {
    return this.call('GET /rest/api/3/issue/{issueIdOrKey}', signal, (attempt) =>
      this.client.GET('/rest/api/3/issue/{issueIdOrKey}', {
        params: { path: { issueIdOrKey: key }, query: { fields } },
        signal: attempt,
      }),
    );
  }

  /** One page of a JQL search; pass the answer's `nextPageToken` back for the next one. */
  search(
    jql: string,
    fields: string[],
    page: { maxResults?: number; nextPageToken?: string } = {},
    signal?: AbortSignal,
  ): Promise<JiraSearchResults> {
    return this.call('POST /rest/api/3/search/jql', signal, (attempt) =>
      this.client.POST('/rest/api/3/search/jql', { body: { jql, fields, ...page }, signal: attempt }),
    );
  }

  /** The project's issues carrying `label`: how a ticket finds the issue a lost create may have made. */
  async searchByLabel(
    projectKey: string,
    label: string,
    fields: string[],
    signal?: AbortSignal,
  ): Promise<JiraIssue[]> {
    const results = await this.search(
      `project = ${jqlString(projectKey)} AND labels = ${jqlString(label)} ORDER BY created ASC`,
      fields,
      {},
      signal,
    );
    return results.issues ?? [];
  }

  async transitions(key: string, signal?: AbortSignal): Promise<JiraTransition[]> {
    const answer = await this.call('GET /rest/api/3/issue/{issueIdOrKey}/transitions', signal, (attempt) =>
      this.client.GET('/rest/api/3/issue/{issueIdOrKey}/transitions', {
        params: { path: { issueIdOrKey: key } },
        signal: attempt,
      }),
    );
    return answer.transitions ?? [];
  }

  async transition(key: string, transitionId: string, signal?: AbortSignal): Promise<void> {
    await this.call(
      'POST /rest/api/3/issue/{issueIdOrKey}/transitions',
      signal,
      (attempt) =>
        this.client.POST('/rest/api/3/issue/{issueIdOrKey}/transitions', {
          params: { path: { issueIdOrKey: key } },
          body: { transition: { id: transitionId } },
          signal: attempt,
        }),
      false,
    );
  }

  addComment(key: string, body: AdfDocument, signal?: AbortSignal): Promise<JiraComment> {
    return this.call(
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      signal,
      (attempt) =>
        this.client.POST('/rest/api/3/issue/{issueIdOrKey}/comment', {
          params: { path: { issueIdOrKey: key } },
          body: { body },
          signal: attempt,
        }),
      false,
    );
  }

  private async createFields(projectKey: string, issueTypeId: string, signal?: AbortSignal) {
    return this.allPages(async (startAt) => {
      const page = await this.call(
        'GET /rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}',
        signal,
        (attempt) =>
          this.client.GET('/rest/api/3/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', {
            params: {
              path: { projectIdOrKey: projectKey, issueTypeId },
              query: { startAt, maxResults: CREATE_META_PAGE },
            },
            signal: attempt,
          }),
      );
      return { items: page.fields ?? page.results ?? [], total: page.total };
    });
  }

  /** Every item of an offset-paged listing. */
  private async allPages<T>(
    page: (startAt: number) => Promise<{ items: T[]; total?: number }>,
  ): Promise<T[]> {
    const found: T[] = [];
    for (;;) {
      const { items, total } = await page(found.length);
      found.push(...items);
      if (items.length === 0 || found.length >= (total ?? 0)) {
        return found;
      }
    }
  }

  /**
   * One operation through the retry policy; a non-2xx answer becomes a JiraRequestError. `idempotent: false`
   * limits resending to what Jira cannot have acted on (see jiraRetryPolicy).
   */
  private async call<T>(
    operation: string,
    signal: AbortSignal | undefined,
    send: (attemptSignal: AbortSignal) => Outcome<T>,
    idempotent = true,
  ): Promise<T> {
    signal?.throwIfAborted();
    const policy = idempotent ? this.idempotentRetry : this.unsafeRetry;
    const attempt = async ({ signal: attemptSignal }: { signal: AbortSignal }) => {
      const { data, error, response } = await send(attemptSignal);
      if (!response.ok) {
        throw jiraResponseError(operation, response, error, this.secrets);
      }
      return data as T;
    };
    // Without a signal, cockatiel hands every attempt one module-wide signal, and each Request openapi-fetch
    // builds adds a listener to it that only garbage collection removes: a signal per call lets them go with it.
    return abortable(policy.execute(attempt, signal ?? new AbortController().signal), signal);
  }
}

export function createJiraClient(options: JiraClientOptions): JiraClient {
  return new JiraClient(options);
}
