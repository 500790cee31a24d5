import type { JiraClient, JiraCreateMeta } from '../client/jira-client';
import { JiraRequestError } from '../client/jira-request-error';
import type { JiraSettingsEntity, JiraVerification } from './jira-settings.entity';

/** Fields every push fills itself; the settings' custom fields add theirs. */
const FILLED_BY_PUSH = [
  'project',
  'issuetype',
  'summary',
  'description',
  'priority',
  'labels',
  'duedate',
  'components',
];

function fieldId(field: JiraCreateMeta['fields'][number]): string {
  return field.fieldId ?? field.key ?? '';
}

function reason(error: unknown): string {
  return error instanceof JiraRequestError || error instanceof Error ? error.message : String(error);
}

/**
 * What stands between the settings and a first push: credentials Jira refuses, a missing project or issue
 * type, required fields nothing fills, priority names the project does not offer.
 */
export async function verifyJira(
  settings: JiraSettingsEntity,
  client: JiraClient,
  now: Date,
): Promise<JiraVerification> {
  const result: JiraVerification = {
    ok: false,
    verifiedAt: now.toISOString(),
    missingFields: [],
    unknownPriorities: [],
    problems: [],
  };
  try {
    const me = await client.myself();
    result.account = {
      accountId: me.accountId ?? '',
      ...(me.displayName && { displayName: me.displayName }),
    };
  } catch (error) {
    result.problems.push(`signing in failed: ${reason(error)}`);
    return result;
  }
  let meta: JiraCreateMeta | undefined;
  try {
    meta = await client.createMeta(settings.projectKey, { name: settings.issueType });
  } catch (error) {
    result.problems.push(`reading project ${settings.projectKey} failed: ${reason(error)}`);
    return result;
  }
  if (!meta) {
    result.problems.push(`project ${settings.projectKey} has no issue type named ${settings.issueType}`);
    return result;
  }
  const filled = new Set([...FILLED_BY_PUSH, ...Object.keys(settings.customFields)]);
  result.missingFields = meta.requiredFields
    .filter((field) => !filled.has(fieldId(field)))
    .map((field) => ({ id: fieldId(field), name: field.name ?? fieldId(field) }));
  const priority = meta.fields.find((field) => fieldId(field) === 'priority');
  if (!priority) {
    result.problems.push('the issue type has no priority field: issues would be created without a priority');
  } else {
    const offered = new Set((priority.allowedValues ?? []).map((value) => (value as { name?: string }).name));
    result.unknownPriorities = [...new Set(Object.values(settings.priorityMap))].filter(
      (name) => !offered.has(name),
    );
  }
  result.ok =
    result.problems.length === 0 &&
    result.missingFields.length === 0 &&
    result.unknownPriorities.length === 0;
  return result;
}
