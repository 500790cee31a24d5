import type { StoredComment, StoredIssue } from './issue-store';
import type { CustomOption, JiraSite, NamedItem } from './site';

/** Jira's timestamps: milliseconds and a `+0000` offset, not ISO 8601's `Z`. */
export function jiraDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** Which fields to return: `*all`/`*navigable`, names, `-name` to leave one out. */
export interface FieldSelection {
  all: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

export function parseFieldSelection(fields: readonly string[] | undefined, fallback: string): FieldSelection {
  const names = (fields && fields.length > 0 ? fields : [fallback])
    .flatMap((entry) => entry.split(','))
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const selection: FieldSelection = { all: false, include: new Set(), exclude: new Set() };
  for (const name of names) {
    if (name === '*all' || name === '*navigable') {
      selection.all = true;
    } else if (name.startsWith('-')) {
      selection.exclude.add(name.slice(1));
    } else {
      selection.include.add(name);
    }
  }
  return selection;
}

/** Only `id` asked for: the search answers ids alone. */
export function onlyIds(selection: FieldSelection): boolean {
  return !selection.all && [...selection.include].every((name) => name === 'id');
}

/** An `IssueBean`: identity, and the selected fields. */
export function issueBean(site: JiraSite, issue: StoredIssue, selection: FieldSelection): object {
  const fields = Object.fromEntries(
    Object.entries(issueFields(site, issue)).filter(
      ([name]) => (selection.all || selection.include.has(name)) && !selection.exclude.has(name),
    ),
  );
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: site.url(`/rest/api/3/issue/${issue.id}`),
    key: issue.key,
    fields,
  };
}

/** Every field of the issue as Jira renders it; unset custom fields are null. */
export function issueFields(site: JiraSite, issue: StoredIssue): Record<string, unknown> {
  const value = (id: string): unknown => issue.fields.get(id);
  const priority = value('priority') as NamedItem | undefined;
  const fields: Record<string, unknown> = {
    summary: value('summary'),
    issuetype: site.issueTypeJson(issue.issueType),
    project: site.projectJson(),
    description: value('description') ?? null,
    priority: priority ? site.priorityJson(priority) : null,
    labels: value('labels') ?? [],
    duedate: value('duedate') ?? null,
    components: ((value('components') as NamedItem[] | undefined) ?? []).map((item) =>
      site.componentJson(item),
    ),
    status: site.statusJson(issue.status),
    statuscategorychangedate: jiraDateTime(issue.statusChanged),
    resolution: issue.resolved
      ? {
          self: site.url('/rest/api/3/resolution/10000'),
          id: '10000',
          description: 'Work has been completed on this issue.',
          name: 'Done',
        }
      : null,
    resolutiondate: issue.resolved ? jiraDateTime(issue.resolved) : null,
    reporter: site.userDetails(),
    creator: site.userDetails(),
    assignee: null,
    created: jiraDateTime(issue.created),
    updated: jiraDateTime(issue.updated),
    comment: {
      comments: issue.comments.map((comment) => commentJson(site, issue, comment)),
      self: site.url(`/rest/api/3/issue/${issue.id}/comment`),
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    },
  };
  for (const field of site.fields.values()) {
    if (field.id.startsWith('customfield_')) {
      const stored = value(field.id) ?? null;
      fields[field.id] =
        field.kind === 'customOption' && stored !== null ? site.optionJson(stored as CustomOption) : stored;
    }
  }
  return fields;
}

export function commentJson(site: JiraSite, issue: StoredIssue, comment: StoredComment): object {
  return {
    self: site.url(`/rest/api/3/issue/${issue.id}/comment/${comment.id}`),
    id: comment.id,
    author: site.userDetails(),
    body: comment.body,
    updateAuthor: site.userDetails(),
    created: jiraDateTime(comment.created),
    updated: jiraDateTime(comment.created),
    jsdPublic: true,
    ...(comment.visibility !== undefined && { visibility: comment.visibility }),
  };
}
