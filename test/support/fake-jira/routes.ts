export type Route =
  | { type: 'myself' }
  | { type: 'createMetaIssueTypes'; project: string }
  | { type: 'createMetaFields'; project: string; issueTypeId: string }
  | { type: 'createIssue' }
  | { type: 'getIssue'; issue: string }
  | { type: 'editIssue'; issue: string }
  | { type: 'search' }
  | { type: 'getTransitions'; issue: string }
  | { type: 'doTransition'; issue: string }
  | { type: 'addComment'; issue: string }
  | { type: 'methodNotAllowed' }
  | { type: 'notFound' };

/** The routes that write to one existing issue: their overlap per issue is what the fake watches. */
export const ISSUE_WRITES: ReadonlySet<Route['type']> = new Set(['editIssue', 'doTransition', 'addComment']);

const API = '/rest/api/3/';

/** Maps a request to the operation it asks for, on the paths Jira Cloud serves. */
export function route(method: string, path: string): Route {
  if (!path.startsWith(API)) {
    return { type: 'notFound' };
  }
  const segments = path.slice(API.length).split('/').map(decodeURIComponent);
  const found = resolve(segments);
  const allowed = found[method];
  if (allowed) {
    return allowed;
  }
  return Object.keys(found).length > 0 ? { type: 'methodNotAllowed' } : { type: 'notFound' };
}

/** The operations at a path, by method. */
function resolve(segments: string[]): Partial<Record<string, Route>> {
  const [root, second, third, fourth, fifth, ...rest] = segments;
  if (root === 'myself' && second === undefined) {
    return { GET: { type: 'myself' } };
  }
  if (root === 'search' && second === 'jql' && third === undefined) {
    return { POST: { type: 'search' } };
  }
  if (root !== 'issue') {
    return {};
  }
  if (second === undefined || second === '') {
    return { POST: { type: 'createIssue' } };
  }
  if (second === 'createmeta' && third !== undefined && fourth === 'issuetypes' && rest.length === 0) {
    return fifth === undefined
      ? { GET: { type: 'createMetaIssueTypes', project: third } }
      : { GET: { type: 'createMetaFields', project: third, issueTypeId: fifth } };
  }
  if (fourth !== undefined) {
    return {};
  }
  switch (third) {
    case undefined:
      return { GET: { type: 'getIssue', issue: second }, PUT: { type: 'editIssue', issue: second } };
    case 'transitions':
      return {
        GET: { type: 'getTransitions', issue: second },
        POST: { type: 'doTransition', issue: second },
      };
    case 'comment':
      return { POST: { type: 'addComment', issue: second } };
    default:
      return {};
  }
}
