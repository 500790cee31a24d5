import { type Answer, errorCollection, fieldErrors, jsonAnswer, noContent } from './answers';
import { commentBodyProblem, readFieldChanges } from './field-values';
import type { IssueStore, StatusChange, StoredIssue } from './issue-store';
import { commentJson, issueBean, parseFieldSelection } from './issue-view';
import { isRecord, type JiraSite, type NamedItem } from './site';
import type { FakeJiraCounters } from './types';

export interface OperationContext {
  site: JiraSite;
  store: IssueStore;
  counters: FakeJiraCounters;
  now(): Date;
  /** A status changed: Jira sends `jira:issue_updated` to its webhooks. */
  announce(issue: StoredIssue, change: StatusChange): void;
}

export type Created = { issue: StoredIssue } | { errors: Record<string, string> };

/**
 * Creates an issue from a create request: the project and issue type first (nothing else can be checked
 * without them), then every field given, then the required fields that were not.
 */
export function createIssue(context: OperationContext, body: Record<string, unknown>): Created {
  const { site } = context;
  const fields = isRecord(body['fields']) ? body['fields'] : {};
  const issueType = createTarget(site, fields);
  if ('errors' in issueType) {
    return issueType;
  }
  const screenFields = Object.fromEntries(
    Object.entries(fields).filter(([id]) => id !== 'project' && id !== 'issuetype'),
  );
  const request = { ...body, fields: screenFields };
  const read = readFieldChanges(site, request, new Map(), () => true);
  if ('errors' in read) {
    return { errors: { ...missingRequired(site, request), ...read.errors } };
  }
  const missing = missingRequired(site, request);
  if (Object.keys(missing).length > 0) {
    return { errors: missing };
  }
  const { values, comments } = read.changes;
  if (!values.has('priority')) {
    values.set('priority', site.priority('Medium') ?? site.priorities[0]);
  }
  const now = context.now();
  const issue = context.store.create(issueType, values, now);
  for (const comment of comments) {
    context.store.addComment(issue, comment, undefined, now);
  }
  context.counters.issuesCreated += 1;
  return { issue };
}

/** The project and issue type come first: nothing else can be checked without them. */
function createTarget(
  site: JiraSite,
  fields: Record<string, unknown>,
): NamedItem | { errors: Record<string, string> } {
  if (!site.isProject(fields['project'])) {
    return { errors: { project: 'Specify a valid project ID or key' } };
  }
  if (fields['issuetype'] === undefined) {
    return { errors: { issuetype: 'Specify an issue type' } };
  }
  const issueType = isRecord(fields['issuetype']) ? site.issueType(fields['issuetype']) : undefined;
  return issueType ?? { errors: { issuetype: 'The issue type selected is invalid.' } };
}

/** Required fields without a default that the request neither sets nor updates. */
function missingRequired(
  site: JiraSite,
  request: { fields: Record<string, unknown>; update?: unknown },
): Record<string, string> {
  const update = isRecord(request.update) ? request.update : {};
  const missing: Record<string, string> = {};
  for (const field of site.fields.values()) {
    const given = (request.fields[field.id] ?? update[field.id] ?? null) !== null;
    if (
      field.required &&
      !field.hasDefaultValue &&
      !given &&
      field.kind !== 'project' &&
      field.kind !== 'issuetype'
    ) {
      missing[field.id] =
        field.id === 'summary' ? 'You must specify a summary of the issue.' : `${field.name} is required.`;
    }
  }
  return missing;
}

export function answerCreateIssue(context: OperationContext, body: unknown): Answer {
  if (!isRecord(body)) {
    return errorCollection(400, ['No content to map to Object due to end of input']);
  }
  const created = createIssue(context, body);
  if ('errors' in created) {
    return fieldErrors(created.errors);
  }
  const { issue } = created;
  return jsonAnswer(201, {
    id: issue.id,
    key: issue.key,
    self: context.site.url(`/rest/api/3/issue/${issue.id}`),
  });
}

export function answerGetIssue(
  context: OperationContext,
  issue: StoredIssue,
  query: URLSearchParams,
): Answer {
  if (query.has('expand') || query.has('properties')) {
    return errorCollection(400, ['fake-jira does not model expand or properties on an issue.']);
  }
  return jsonAnswer(200, issueBean(context.site, issue, parseFieldSelection(query.getAll('fields'), '*all')));
}

/** PUT: `fields` and `update`; 204, or the issue with `returnIssue=true`. */
export function answerEditIssue(
  context: OperationContext,
  issue: StoredIssue,
  body: unknown,
  query: URLSearchParams,
): Answer {
  if (!isRecord(body)) {
    return errorCollection(400, ['No content to map to Object due to end of input']);
  }
  const read = readFieldChanges(
    context.site,
    body,
    issue.fields,
    (field) => field.id !== 'project' && field.id !== 'issuetype',
  );
  if ('errors' in read) {
    return fieldErrors(read.errors);
  }
  const missingRequired = [...read.changes.values].find(([id, value]) => {
    const field = context.site.fields.get(id);
    return field?.required === true && (value === null || (Array.isArray(value) && value.length === 0));
  });
  if (missingRequired) {
    const field = context.site.fields.get(missingRequired[0]);
    return fieldErrors({ [missingRequired[0]]: `${field?.name ?? missingRequired[0]} is required.` });
  }
  const now = context.now();
  context.store.update(issue, read.changes.values, now);
  for (const comment of read.changes.comments) {
    context.store.addComment(issue, comment, undefined, now);
    context.counters.comments += 1;
  }
  context.counters.issuesEdited += 1;
  return query.get('returnIssue') === 'true'
    ? jsonAnswer(200, issueBean(context.site, issue, parseFieldSelection(undefined, '*all')))
    : noContent();
}

/** POST comment: an ADF body and an optional visibility; 201 with the comment. */
export function answerAddComment(context: OperationContext, issue: StoredIssue, body: unknown): Answer {
  const problem = isRecord(body) ? commentBodyProblem(body['body']) : 'Comment body can not be empty!';
  if (problem) {
    return fieldErrors({ comment: problem });
  }
  const request = body as Record<string, unknown>;
  const comment = context.store.addComment(issue, request['body'], request['visibility'], context.now());
  context.counters.comments += 1;
  return jsonAnswer(201, commentJson(context.site, issue, comment));
}
