import type { FieldValues } from './field-values';
import type { NamedItem } from './site';
import type { ChangelogItem } from './types';
import { INITIAL_STATUS, type Status } from './workflow';

export interface StoredComment {
  id: string;
  body: unknown;
  visibility: unknown;
  created: Date;
}

export interface StoredIssue {
  id: string;
  key: string;
  number: number;
  issueType: NamedItem;
  /** By field id, as `readFieldChanges` stores them. */
  fields: FieldValues;
  status: Status;
  statusChanged: Date;
  resolved: Date | undefined;
  created: Date;
  updated: Date;
  comments: StoredComment[];
}

export interface StatusChange {
  changelogId: string;
  item: ChangelogItem;
}

/** The project's issues in memory: keys `<KEY>-1, -2 …`, ids from 10001, and their comments. */
export class IssueStore {
  private readonly stored: StoredIssue[] = [];
  private readonly byReference = new Map<string, StoredIssue>();
  private nextNumber = 1;
  private nextComment = 10000;
  private nextChangelog = 10000;

  constructor(private readonly projectKey: string) {}

  create(issueType: NamedItem, fields: FieldValues, now: Date): StoredIssue {
    const number = this.nextNumber++;
    const issue: StoredIssue = {
      id: String(10000 + number),
      key: `${this.projectKey}-${number}`,
      number,
      issueType,
      fields,
      status: INITIAL_STATUS,
      statusChanged: now,
      resolved: undefined,
      created: now,
      updated: now,
      comments: [],
    };
    this.stored.push(issue);
    this.byReference.set(issue.id, issue);
    this.byReference.set(issue.key, issue);
    return issue;
  }

  /** By id or key; keys are case-insensitive as in Jira. */
  find(keyOrId: string): StoredIssue | undefined {
    return this.byReference.get(keyOrId.toUpperCase());
  }

  all(): readonly StoredIssue[] {
    return this.stored;
  }

  update(issue: StoredIssue, values: FieldValues, now: Date): void {
    for (const [id, value] of values) {
      issue.fields.set(id, value);
    }
    issue.updated = now;
  }

  addComment(issue: StoredIssue, body: unknown, visibility: unknown, now: Date): StoredComment {
    const comment = { id: String(this.nextComment++), body, visibility, created: now };
    issue.comments.push(comment);
    issue.updated = now;
    return comment;
  }

  /** Moves the issue; entering or leaving the done category sets or clears the resolution. */
  transition(issue: StoredIssue, to: Status, now: Date): StatusChange {
    const from = issue.status;
    issue.status = to;
    issue.updated = now;
    if (from.category.key !== to.category.key) {
      issue.statusChanged = now;
    }
    issue.resolved = to.category.key === 'done' ? now : undefined;
    return {
      changelogId: String(this.nextChangelog++),
      item: {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: from.id,
        fromString: from.name,
        to: to.id,
        toString: to.name,
      },
    };
  }

  clear(): void {
    this.stored.length = 0;
    this.byReference.clear();
    this.nextNumber = 1;
    this.nextComment = 10000;
    this.nextChangelog = 10000;
  }
}

/** Counts writes in flight per issue and remembers the most there ever were at once. */
export class WriteTracker {
  private readonly issues = new Map<string, { inFlight: number; writes: number; maxInFlight: number }>();

  /** Marks a write to the issue as started; the returned function marks it finished (once). */
  begin(key: string): () => void {
    const entry = this.issues.get(key) ?? { inFlight: 0, writes: 0, maxInFlight: 0 };
    this.issues.set(key, entry);
    entry.inFlight += 1;
    entry.writes += 1;
    entry.maxInFlight = Math.max(entry.maxInFlight, entry.inFlight);
    let finished = false;
    return () => {
      if (!finished) {
        finished = true;
        entry.inFlight -= 1;
      }
    };
  }

  of(key: string): { writes: number; maxInFlight: number } {
    const entry = this.issues.get(key);
    return { writes: entry?.writes ?? 0, maxInFlight: entry?.maxInFlight ?? 0 };
  }

  overlapping(): string[] {
    return [...this.issues].filter(([, entry]) => entry.maxInFlight > 1).map(([key]) => key);
  }

  clear(): void {
    this.issues.clear();
  }
}
