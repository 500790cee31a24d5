import type { CustomFieldOptions, FakeJiraOptions, JiraProject, JiraUser } from './types';
import type { Status } from './workflow';

export interface NamedItem {
  id: string;
  name: string;
}

export interface CustomOption {
  id: string;
  value: string;
}

export type FieldKind =
  | 'summary'
  | 'issuetype'
  | 'project'
  | 'description'
  | 'priority'
  | 'labels'
  | 'duedate'
  | 'components'
  | 'reporter'
  | 'customString'
  | 'customNumber'
  | 'customOption';

/** A field of the create and edit screens: what createmeta says about it, and how values are checked. */
export interface FieldDefinition {
  id: string;
  name: string;
  kind: FieldKind;
  required: boolean;
  hasDefaultValue: boolean;
  operations: string[];
  schema: Record<string, unknown>;
  /** The values of a single select custom field. */
  options?: CustomOption[];
}

const DEFAULT_PROJECT: JiraProject = { id: '10000', key: 'PROJ', name: 'Remediation' };
const DEFAULT_ISSUE_TYPES = ['Task', 'Bug'];
const DEFAULT_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const DEFAULT_USER: JiraUser = {
  accountId: '5b10a2844c20165700ede21g',
  emailAddress: 'kubeassay-bot@example.com',
  displayName: 'Kubeassay Bot',
};
const CUSTOM_FIELD_ID = /^customfield_(\d+)$/;

/** The configuration of the Jira site the fake plays, and the shapes Jira gives its objects. */
export class JiraSite {
  readonly project: JiraProject;
  readonly user: JiraUser;
  readonly issueTypes: readonly NamedItem[];
  readonly priorities: readonly NamedItem[];
  readonly components: readonly NamedItem[];
  readonly fields: ReadonlyMap<string, FieldDefinition>;

  constructor(
    readonly baseUrl: string,
    options: FakeJiraOptions,
  ) {
    this.project = { ...DEFAULT_PROJECT, ...options.project };
    this.user = { ...DEFAULT_USER, ...options.user };
    this.issueTypes = (options.issueTypes ?? DEFAULT_ISSUE_TYPES).map((name, index) => ({
      id: String(10001 + index),
      name,
    }));
    this.priorities = (options.priorities ?? DEFAULT_PRIORITIES).map((name, index) => ({
      id: String(index + 1),
      name,
    }));
    this.components = (options.components ?? []).map((name, index) => ({ id: String(10100 + index), name }));
    this.fields = new Map(
      [...systemFields(), ...(options.customFields ?? []).map(customField)].map((field) => [field.id, field]),
    );
  }

  issueType(reference: unknown): NamedItem | undefined {
    return byReference(this.issueTypes, reference);
  }

  priority(reference: unknown): NamedItem | undefined {
    return byReference(this.priorities, reference);
  }

  component(reference: unknown): NamedItem | undefined {
    return byReference(this.components, reference);
  }

  /** `{key}`, `{id}` or the key itself (JQL, createmeta paths). */
  isProject(reference: unknown): boolean {
    if (typeof reference === 'string') {
      return reference.toUpperCase() === this.project.key || reference === this.project.id;
    }
    if (isRecord(reference)) {
      return this.isProject(reference['key'] ?? reference['id']);
    }
    return false;
  }

  projectJson(): object {
    return {
      self: this.url(`/rest/api/3/project/${this.project.id}`),
      id: this.project.id,
      key: this.project.key,
      name: this.project.name,
      projectTypeKey: 'software',
      simplified: false,
      avatarUrls: this.avatarUrls(`projectavatar?pid=${this.project.id}`),
    };
  }

  issueTypeJson(issueType: NamedItem): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/issuetype/${issueType.id}`),
      id: issueType.id,
      description: `A ${issueType.name.toLowerCase()} of the project.`,
      iconUrl: this.url(`/images/icons/issuetypes/${issueType.name.toLowerCase()}.png`),
      name: issueType.name,
      subtask: false,
      hierarchyLevel: 0,
    };
  }

  priorityJson(priority: NamedItem): object {
    return {
      self: this.url(`/rest/api/3/priority/${priority.id}`),
      iconUrl: this.url(`/images/icons/priorities/${priority.name.toLowerCase()}.svg`),
      name: priority.name,
      id: priority.id,
    };
  }

  componentJson(component: NamedItem): object {
    return {
      self: this.url(`/rest/api/3/component/${component.id}`),
      id: component.id,
      name: component.name,
    };
  }

  optionJson(option: CustomOption): object {
    return {
      self: this.url(`/rest/api/3/customFieldOption/${option.id}`),
      value: option.value,
      id: option.id,
    };
  }

  statusJson(status: Status): object {
    return {
      self: this.url(`/rest/api/3/status/${status.id}`),
      description: status.description,
      iconUrl: this.url('/images/icons/statuses/generic.png'),
      name: status.name,
      id: status.id,
      statusCategory: {
        self: this.url(`/rest/api/3/statuscategory/${status.category.id}`),
        id: status.category.id,
        key: status.category.key,
        colorName: status.category.colorName,
        name: status.category.name,
      },
    };
  }

  /** The user as comments, reporters and webhooks show it. */
  userDetails(): Record<string, unknown> {
    return {
      self: this.url(`/rest/api/3/user?accountId=${this.user.accountId}`),
      accountId: this.user.accountId,
      emailAddress: this.user.emailAddress,
      avatarUrls: this.avatarUrls(`useravatar?accountId=${this.user.accountId}`),
      displayName: this.user.displayName,
      active: true,
      timeZone: 'Etc/UTC',
      accountType: 'atlassian',
    };
  }

  /** `/myself`: the details plus the locale and what may be expanded. */
  currentUser(): object {
    return {
      ...this.userDetails(),
      locale: 'en_US',
      groups: { size: 1, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    };
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  private avatarUrls(path: string): Record<string, string> {
    return Object.fromEntries(
      ['16x16', '24x24', '32x32', '48x48'].map((size) => [size, this.url(`/secure/${path}&size=${size}`)]),
    );
  }
}

function systemFields(): FieldDefinition[] {
  const system = (
    id: string,
    name: string,
    kind: FieldKind,
    type: string,
    extra: Partial<FieldDefinition> & { items?: string } = {},
  ): FieldDefinition => {
    const { items, ...definition } = extra;
    return {
      id,
      name,
      kind,
      required: false,
      hasDefaultValue: false,
      operations: ['set'],
      schema: { type, ...(items && { items }), system: id },
      ...definition,
    };
  };
  return [
    system('summary', 'Summary', 'summary', 'string', { required: true }),
    system('issuetype', 'Issue Type', 'issuetype', 'issuetype', { required: true, operations: [] }),
    system('project', 'Project', 'project', 'project', { required: true, operations: ['set'] }),
    system('description', 'Description', 'description', 'string'),
    system('priority', 'Priority', 'priority', 'priority', { hasDefaultValue: true }),
    system('labels', 'Labels', 'labels', 'array', { items: 'string', operations: ['add', 'set', 'remove'] }),
    system('duedate', 'Due date', 'duedate', 'date'),
    system('components', 'Components', 'components', 'array', {
      items: 'component',
      operations: ['add', 'set', 'remove'],
    }),
    // Required with a default, as on Jira Cloud: a create without it takes the caller.
    system('reporter', 'Reporter', 'reporter', 'user', { required: true, hasDefaultValue: true }),
  ];
}

const CUSTOM_TYPES = {
  string: { kind: 'customString', type: 'string', custom: 'textfield' },
  number: { kind: 'customNumber', type: 'number', custom: 'float' },
  option: { kind: 'customOption', type: 'option', custom: 'select' },
} as const;

function customField(options: CustomFieldOptions): FieldDefinition {
  const match = CUSTOM_FIELD_ID.exec(options.id);
  if (!match) {
    throw new Error(`fake-jira: a custom field id is customfield_<number>, got ${options.id}`);
  }
  const customId = Number(match[1]);
  const type = CUSTOM_TYPES[options.type];
  return {
    id: options.id,
    name: options.name,
    kind: type.kind,
    required: options.required,
    hasDefaultValue: false,
    operations: ['set'],
    schema: {
      type: type.type,
      custom: `com.atlassian.jira.plugin.system.customfieldtypes:${type.custom}`,
      customId,
    },
    ...(options.type === 'option' && {
      options: (options.allowedValues ?? []).map((value, index) => ({
        id: String(customId * 10 + index),
        value,
      })),
    }),
  };
}

/** `{id}`, `{name}` or a bare id or name, case-insensitive names, as Jira resolves references. */
function byReference(items: readonly NamedItem[], reference: unknown): NamedItem | undefined {
  if (typeof reference === 'string') {
    return items.find((item) => item.id === reference || item.name.toLowerCase() === reference.toLowerCase());
  }
  if (!isRecord(reference)) {
    return undefined;
  }
  if (typeof reference['id'] === 'string') {
    return items.find((item) => item.id === reference['id']);
  }
  if (typeof reference['name'] === 'string') {
    const name = reference['name'].toLowerCase();
    return items.find((item) => item.name.toLowerCase() === name);
  }
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
