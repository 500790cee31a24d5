import { countText, plural } from './format';
import type { Prose } from './prose';

/**
 * Whether the report's Appendix C lists every open finding (the Markdown report), or only its first ones (a
 * paged report, whose appendix the model caps).
 */
export enum AppendixScope {
  Complete = 'complete',
  Excerpt = 'excerpt',
}

/** Where the findings a printed list leaves out are found when Appendix C does not list them. */
const ELSEWHERE = 'the Markdown report and the JSON export';

export function findingsIntro(checks: number, appendix: AppendixScope): Prose {
  const rest =
    appendix === AppendixScope.Complete
      ? 'Appendix C lists them all.'
      : 'each says where the rest are listed.';
  return `${plural(checks, 'check')} found open weaknesses. They are in priority order: severity first, then how many
resources each affects. Long lists show their first resources; ${rest}`;
}

export const NO_FAILED_CHECK = 'No check found an open weakness.';
export const REFERENCES = 'References:';
export const FIX = 'Fix:';

export function openFindings(count: number): Prose {
  return plural(count, 'open finding');
}

/** The note under a check's truncated list of resources. */
export function moreResources(count: number, listedInAppendix: boolean): Prose {
  return `…and ${plural(count, 'more affected resource')}, listed in ${listedInAppendix ? 'Appendix C' : ELSEWHERE}.`;
}

export function appendixIntro(listed: number, total: number): Prose {
  const order = 'by check in the order of section 5, then by resource.';
  return listed === total
    ? `All ${plural(total, 'open finding')}, ${order}`
    : `The first ${countText(listed)} of ${plural(total, 'open finding')}, ${order} The other ${countText(total - listed)} ` +
        `are listed in ${ELSEWHERE}.`;
}

/** The line that ends an appendix excerpt. */
export function moreOpenFindings(count: number): Prose {
  return `…and ${plural(count, 'more open finding')}, listed in ${ELSEWHERE}.`;
}
