import { type Answer, errorCollection, fieldErrors, jsonAnswer, noContent } from './answers';
import { readFieldChanges } from './field-values';
import type { OperationContext } from './issue-operations';
import type { StoredIssue } from './issue-store';
import { isRecord, type JiraSite } from './site';
import { type Status, transitionsFrom, transitionTarget } from './workflow';

/** GET transitions: those open from the issue's status, optionally one by `transitionId`. */
export function answerGetTransitions(
  context: OperationContext,
  issue: StoredIssue,
  query: URLSearchParams,
): Answer {
  const wanted = query.get('transitionId');
  const transitions = transitionsFrom(issue.status)
    .filter((status) => wanted === null || status.transitionId === wanted)
    .map((status) => transitionJson(context.site, status));
  return jsonAnswer(200, { expand: 'transitions', transitions });
}

function transitionJson(site: JiraSite, to: Status): object {
  return {
    id: to.transitionId,
    name: to.name,
    to: site.statusJson(to),
    hasScreen: false,
    isGlobal: true,
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
  };
}

/**
 * POST transitions: `{transition: {id}}`, with comments through `update.comment`; no transition has a
 * screen, so no other field may be set. 204.
 */
export function answerDoTransition(context: OperationContext, issue: StoredIssue, body: unknown): Answer {
  const transition = isRecord(body) && isRecord(body['transition']) ? body['transition'] : undefined;
  const id = transition?.['id'];
  if (typeof id !== 'string' || id === '') {
    return errorCollection(400, ["Missing 'transition' identifier"]);
  }
  const target = transitionTarget(issue.status, id);
  if (!target) {
    return errorCollection(400, [`Transition id '${id}' is not valid for this issue.`]);
  }
  const read = readFieldChanges(context.site, body as Record<string, unknown>, issue.fields, () => false);
  if ('errors' in read) {
    return fieldErrors(read.errors);
  }
  const now = context.now();
  for (const comment of read.changes.comments) {
    context.store.addComment(issue, comment, undefined, now);
    context.counters.comments += 1;
  }
  const change = context.store.transition(issue, target, now);
  context.counters.transitions += 1;
  context.announce(issue, change);
  return noContent();
}
