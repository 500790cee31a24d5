import { type Answer, errorCollection, jsonAnswer } from './answers';
import type { FieldDefinition, JiraSite, NamedItem } from './site';

const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

type Page = { startAt: number; maxResults: number } | { error: Answer };

/** `createmeta/{project}/issuetypes`: the project's issue types, paged. */
export function answerCreateMetaIssueTypes(site: JiraSite, project: string, query: URLSearchParams): Answer {
  if (!site.isProject(project)) {
    return projectNotFound(project);
  }
  const page = readPage(query);
  if ('error' in page) {
    return page.error;
  }
  const issueTypes = site.issueTypes.map((issueType) => site.issueTypeJson(issueType));
  return jsonAnswer(200, {
    issueTypes: issueTypes.slice(page.startAt, page.startAt + page.maxResults),
    maxResults: page.maxResults,
    startAt: page.startAt,
    total: issueTypes.length,
  });
}

/** `createmeta/{project}/issuetypes/{id}`: the fields of its create screen, paged. */
export function answerCreateMetaFields(
  site: JiraSite,
  project: string,
  issueTypeId: string,
  query: URLSearchParams,
): Answer {
  if (!site.isProject(project)) {
    return projectNotFound(project);
  }
  const issueType = site.issueTypes.find((candidate) => candidate.id === issueTypeId);
  if (!issueType) {
    return errorCollection(404, [
      `Issue type with id '${issueTypeId}' does not exist in project '${project}'.`,
    ]);
  }
  const page = readPage(query);
  if ('error' in page) {
    return page.error;
  }
  const fields = [...site.fields.values()].map((field) => fieldMetadata(site, field, issueType));
  return jsonAnswer(200, {
    fields: fields.slice(page.startAt, page.startAt + page.maxResults),
    maxResults: page.maxResults,
    startAt: page.startAt,
    total: fields.length,
  });
}

function fieldMetadata(site: JiraSite, field: FieldDefinition, issueType: NamedItem): object {
  return {
    required: field.required,
    schema: field.schema,
    name: field.name,
    fieldId: field.id,
    key: field.id,
    hasDefaultValue: field.hasDefaultValue,
    operations: field.operations,
    ...allowedValues(site, field, issueType),
    ...(field.id === 'labels' && {
      autoCompleteUrl: site.url('/rest/api/1.0/labels/suggest?query='),
    }),
  };
}

function allowedValues(site: JiraSite, field: FieldDefinition, issueType: NamedItem): object {
  switch (field.kind) {
    case 'priority':
      return {
        allowedValues: site.priorities.map((priority) => site.priorityJson(priority)),
        defaultValue: site.priorityJson(site.priority('Medium') ?? (site.priorities[0] as NamedItem)),
      };
    case 'issuetype':
      return { allowedValues: [site.issueTypeJson(issueType)] };
    case 'project':
      return { allowedValues: [site.projectJson()] };
    case 'components':
      return { allowedValues: site.components.map((component) => site.componentJson(component)) };
    case 'customOption':
      return { allowedValues: (field.options ?? []).map((option) => site.optionJson(option)) };
    default:
      return {};
  }
}

function readPage(query: URLSearchParams): Page {
  const startAt = Number(query.get('startAt') ?? 0);
  const maxResults = Number(query.get('maxResults') ?? DEFAULT_PAGE);
  if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 0) {
    return { error: errorCollection(400, ['startAt and maxResults must be whole numbers.']) };
  }
  if (maxResults > MAX_PAGE) {
    return {
      error: errorCollection(400, [`Parameter 'maxResults' must not exceed the limit '${MAX_PAGE}'`]),
    };
  }
  return { startAt, maxResults };
}

function projectNotFound(project: string): Answer {
  return errorCollection(404, [`No project could be found with key '${project}'.`]);
}
