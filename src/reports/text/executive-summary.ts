import type { Severity } from '../../engine/model';
import type { ReportChanges } from '../report-input';
import { Posture } from '../report-model';
import { countText, plural } from './format';
import { SEVERITY_LABELS } from './labels';
import type { Prose } from './prose';

export const OVERALL_POSTURE = 'Overall posture';

/** `score` as the rendering prints it (escaped, in Markdown). */
export function scoreOutOf100(score: string): Prose {
  return `with a score of ${score} out of 100`;
}

/** What the overall posture means for the client, and how soon to act. */
export const POSTURE_SUMMARIES: Record<Posture, Prose> = {
  [Posture.Critical]: `At least one critical weakness is open: an attacker who reaches an affected workload or credential can take over a
node or the whole cluster. The top risks below need action now, before any other security work.`,
  [Posture.Poor]: `High-severity weaknesses are open, or fewer than 60 % of the weighted checks pass: the cluster is exposed to
common attacks. Plan the top risks below for the coming weeks.`,
  [Posture.Fair]: `No critical or high-severity weakness is open, but medium-severity ones remain or the score is below 85. The
hardening below can follow the normal delivery plan.`,
  [Posture.Good]: `No weakness of medium severity or worse is open and the score is 85 or more. Admission policies and periodic
reassessment keep it there.`,
};

export function notCountedAsOpen(accepted: number, falsePositives: number): Prose {
  return (
    `Not counted above: ${plural(accepted, 'accepted risk')} and ${plural(falsePositives, 'false positive')}, ` +
    'listed with their justification in section 8.'
  );
}

export const TOP_RISKS = 'Top risks';
export const NO_OPEN_FINDING = 'No finding is open.';

/** `critical severity, 2 affected resources`: how bad a top risk is and how far it reaches. */
export function riskExtent(severity: Severity, open: number): Prose {
  return `${SEVERITY_LABELS[severity].toLowerCase()} severity, ${plural(open, 'affected resource')}`;
}

export const WHAT_TO_DO = 'What to do:';

export const CHANGES = 'Changes since the previous assessment';
export const NO_PREVIOUS_ASSESSMENT = 'This report has no earlier assessment of the cluster to compare with.';

/** `date` as the rendering prints it (escaped, in Markdown). */
export function comparedWith(date: string, changes: ReportChanges): Prose {
  return (
    `Compared with the assessment of ${date}: ${countText(changes.new)} new, ${countText(changes.fixed)} fixed, ` +
    `${countText(changes.persisting)} persisting, ${countText(changes.regressed)} regressed (fixed before, open ` +
    `again) and ${countText(changes.notAssessed)} not assessed this time (their check did not run or could not be ` +
    'evaluated).'
  );
}
