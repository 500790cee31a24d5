import { adfProblem, MAX_RICH_TEXT_LENGTH } from './adf';
import { type FieldDefinition, isRecord, type JiraSite, type NamedItem } from './site';

const NOT_SETTABLE = (id: string): string =>
  `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
const NOT_A_DOCUMENT = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
const TOO_LONG = 'The entered text is too long. It exceeds the allowed limit of 32,767 characters.';
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Parsed = { value: unknown } | { error: string };

/** Field values as the fake stores them, by field id: priorities and components as items, options as options. */
export type FieldValues = Map<string, unknown>;

/** What a create, edit or transition asks to change. */
export interface FieldChanges {
  values: FieldValues;
  /** Comment bodies added through `update.comment`. */
  comments: unknown[];
}

export type ChangesRead = { changes: FieldChanges } | { errors: Record<string, string> };

/**
 * Reads `fields` (set) and then `update` (set, add, remove per field) against the screen's fields, as
 * Jira does: every problem is reported by field, and nothing is changed unless all of it is valid.
 */
export function readFieldChanges(
  site: JiraSite,
  body: Record<string, unknown>,
  current: FieldValues,
  settable: (field: FieldDefinition) => boolean,
): ChangesRead {
  const values: FieldValues = new Map();
  const comments: unknown[] = [];
  const errors: Record<string, string> = {};
  const fieldsValue = body['fields'] ?? {};
  const updateValue = body['update'] ?? {};
  if (!isRecord(fieldsValue) || !isRecord(updateValue)) {
    return { errors: { fields: 'fields and update must be objects' } };
  }
  for (const [id, value] of Object.entries(fieldsValue)) {
    const field = site.fields.get(id);
    const parsed =
      field && settable(field) ? parseFieldValue(site, field, value) : { error: NOT_SETTABLE(id) };
    record(parsed, id, values, errors);
  }
  for (const [id, operations] of Object.entries(updateValue)) {
    if (id === 'comment') {
      const added = readCommentOperations(operations, comments);
      if (added) {
        errors['comment'] = added;
      }
      continue;
    }
    const field = site.fields.get(id);
    if (!field || !settable(field) || !Array.isArray(operations)) {
      errors[id] = NOT_SETTABLE(id);
      continue;
    }
    const base = values.has(id) ? values.get(id) : current.get(id);
    record(applyOperations(site, field, base, operations), id, values, errors);
  }
  return Object.keys(errors).length > 0 ? { errors } : { changes: { values, comments } };
}

function record(parsed: Parsed, id: string, values: FieldValues, errors: Record<string, string>): void {
  if ('error' in parsed) {
    errors[id] = parsed.error;
  } else {
    values.set(id, parsed.value);
  }
}

/** A field's value as stored, or what is wrong with it. */
export function parseFieldValue(site: JiraSite, field: FieldDefinition, value: unknown): Parsed {
  switch (field.kind) {
    case 'summary':
      return parseSummary(value);
    case 'description':
      return parseRichText(value);
    case 'priority':
      return parseItem(value, site.priority(value), field.name);
    case 'labels':
      return parseLabels(value);
    case 'duedate':
      return parseDate(value);
    case 'components':
      return parseComponents(site, value, field.name);
    case 'reporter':
      return isRecord(value) && (value['accountId'] ?? value['id']) === site.user.accountId
        ? { value: site.user.accountId }
        : { error: 'Specify a valid value for Reporter' };
    case 'customString':
      return value === null || typeof value === 'string'
        ? { value }
        : { error: 'Operation value must be a string' };
    case 'customNumber':
      return value === null || typeof value === 'number'
        ? { value }
        : { error: 'Operation value must be a number' };
    case 'customOption':
      return parseOption(field, value);
    case 'issuetype':
    case 'project':
      // Set only at creation, where they are read before anything else.
      return { error: NOT_SETTABLE(field.id) };
  }
}

function parseSummary(value: unknown): Parsed {
  if (typeof value !== 'string') {
    return { error: 'Operation value must be a string' };
  }
  if (value.trim() === '') {
    return { error: 'You must specify a summary of the issue.' };
  }
  if (/[\r\n]/.test(value)) {
    return { error: 'The summary is invalid because it contains newline characters.' };
  }
  return value.length > 255 ? { error: 'Summary must be less than 255 characters.' } : { value };
}

function parseRichText(value: unknown): Parsed {
  if (value === null) {
    return { value: null };
  }
  if (!isRecord(value)) {
    return { error: NOT_A_DOCUMENT };
  }
  const problem = adfProblem(value);
  if (problem) {
    return { error: `INVALID_INPUT (${problem})` };
  }
  return JSON.stringify(value).length > MAX_RICH_TEXT_LENGTH ? { error: TOO_LONG } : { value };
}

export function commentBodyProblem(body: unknown): string | undefined {
  if (body === undefined || body === null) {
    return 'Comment body can not be empty!';
  }
  const parsed = parseRichText(body);
  return 'error' in parsed ? parsed.error : undefined;
}

function parseItem(value: unknown, item: NamedItem | undefined, name: string): Parsed {
  if (!isRecord(value)) {
    return { error: `Could not find valid 'id' or 'name' in ${name.toLowerCase()} object.` };
  }
  return item ? { value: item } : { error: `Specify a valid 'id' or 'name' for ${name}` };
}

function parseLabels(value: unknown): Parsed {
  if (!Array.isArray(value) || !value.every((label) => typeof label === 'string')) {
    return { error: 'Operation value must be an array of strings' };
  }
  for (const label of value) {
    const problem = labelProblem(label);
    if (problem) {
      return { error: problem };
    }
  }
  return { value: [...new Set(value)] };
}

function labelProblem(label: string): string | undefined {
  if (label === '' || /\s/.test(label)) {
    return `The label '${label}' contains spaces which is invalid.`;
  }
  return label.length > 255
    ? `The label '${label}' exceeds the maximum length for a single label of 255 characters.`
    : undefined;
}

function parseDate(value: unknown): Parsed {
  if (value === null) {
    return { value: null };
  }
  const match = typeof value === 'string' ? DATE.exec(value) : null;
  const date = match ? new Date(`${value as string}T00:00:00.000Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    return {
      error: `Error parsing date string: ${display(value)}`,
    };
  }
  return { value };
}

function parseComponents(site: JiraSite, value: unknown, name: string): Parsed {
  if (!Array.isArray(value)) {
    return { error: `Operation value must be an array of ${name.toLowerCase()} references` };
  }
  const items: NamedItem[] = [];
  for (const reference of value) {
    const parsed = parseItem(reference, site.component(reference), 'Component');
    if ('error' in parsed) {
      return parsed;
    }
    items.push(parsed.value as NamedItem);
  }
  return { value: items };
}

function parseOption(field: FieldDefinition, value: unknown): Parsed {
  if (value === null) {
    return { value: null };
  }
  if (!isRecord(value)) {
    return { error: `Specify a valid 'id' or 'name' for ${field.name}` };
  }
  const option = field.options?.find((candidate) =>
    value['id'] !== undefined ? candidate.id === value['id'] : candidate.value === value['value'],
  );
  if (option) {
    return { value: option };
  }
  return value['id'] !== undefined
    ? { error: `Option id '${display(value['id'])}' is not valid` }
    : { error: `Option value '${display(value['value'])}' is not valid` };
}

/** `update.<field>`: a list of `{set}`, `{add}`, `{remove}`; add and remove on the list fields. */
function applyOperations(
  site: JiraSite,
  field: FieldDefinition,
  base: unknown,
  operations: unknown[],
): Parsed {
  let value = base;
  for (const operation of operations) {
    const [verb, argument] = isRecord(operation) ? (Object.entries(operation)[0] ?? []) : [];
    if (verb === undefined || !field.operations.includes(verb)) {
      return { error: `Operation '${String(verb)}' is not supported for field ${field.name}` };
    }
    const parsed =
      verb === 'set'
        ? parseFieldValue(site, field, argument)
        : addOrRemove(site, field, value, verb, argument);
    if ('error' in parsed) {
      return parsed;
    }
    value = parsed.value;
  }
  return { value };
}

function addOrRemove(
  site: JiraSite,
  field: FieldDefinition,
  base: unknown,
  verb: string,
  argument: unknown,
): Parsed {
  if (field.kind === 'labels') {
    const labels = Array.isArray(base) ? (base as string[]) : [];
    const parsed = parseLabels([argument]);
    if ('error' in parsed) {
      return parsed;
    }
    const label = argument as string;
    return {
      value: verb === 'add' ? [...new Set([...labels, label])] : labels.filter((item) => item !== label),
    };
  }
  const components = Array.isArray(base) ? (base as NamedItem[]) : [];
  const parsed = parseComponents(site, [argument], field.name);
  if ('error' in parsed) {
    return parsed;
  }
  const [component] = parsed.value as NamedItem[];
  const others = components.filter((item) => item.id !== component?.id);
  return { value: verb === 'add' && component ? [...others, component] : others };
}

function readCommentOperations(operations: unknown, comments: unknown[]): string | undefined {
  if (!Array.isArray(operations)) {
    return NOT_A_DOCUMENT;
  }
  for (const operation of operations) {
    const added = isRecord(operation) && isRecord(operation['add']) ? operation['add'] : undefined;
    if (!added) {
      return "Only 'add' is supported for comment";
    }
    const problem = commentBodyProblem(added['body']);
    if (problem) {
      return problem;
    }
    comments.push(added['body']);
  }
  return undefined;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
