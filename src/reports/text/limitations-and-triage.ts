import { CheckStatus } from '../../engine/check-result';
import { countText, plural } from './format';
import type { Prose } from './prose';

export function checkResults(statuses: Record<CheckStatus, number>): Prose {
  return `Check results: ${countText(statuses[CheckStatus.Passed])} passed, ${countText(statuses[CheckStatus.Failed])} failed, ${countText(statuses[CheckStatus.NotEvaluated])} not evaluated, ${countText(statuses[CheckStatus.NotApplicable])} not applicable (nothing of
the kind they look at). A check that could not be evaluated is never counted as passed.`;
}

export const COVERAGE_GAPS = 'Coverage gaps';
export const NO_COVERAGE_GAP = 'None: the assessment could read everything its checks look at.';
export const COVERAGE_GAPS_INTRO =
  'What the assessment could not read, and the checks left unevaluated because of it:';

export const CHECKS_NOT_EVALUATED = 'Checks not evaluated';

export const INPUT_ERRORS = 'Input errors';
export const NO_INPUT_ERROR = 'None: every input was read.';
export const INPUT_ERRORS_INTRO = 'Inputs that could not be read or evaluated; the rest was assessed.';

export const LIMITS = 'Limits of this assessment';

/** What no report of this kind can say; `exempted` findings on platform components were left out. */
export function limits(exempted: number): Prose[] {
  return [
    'It describes the configuration on the assessment date. Later changes to the cluster are not reflected.',
    `It reads configuration only: it does not scan images for vulnerabilities, observe running processes or network
traffic, test exploits, or review cloud accounts, CI/CD pipelines and source code.`,
    `Findings on platform-owned components (the system namespaces and \`system:\` objects) are left out by default,
unless a check inspects those components on purpose; this report leaves out ${plural(exempted, 'such finding')}.`,
    `A check passes when nothing it inspects is at fault; it does not prove that the control it stands for is
effective against every attack.`,
  ];
}

export const TRIAGE_INTRO: Prose = `Findings reviewed after the scan: they are not counted as open, and they are listed here so that every decision
stays visible.`;

export const ACCEPTED_RISKS = 'Accepted risks';
export const FALSE_POSITIVES = 'False positives';
export const EXPIRED_EXCEPTIONS = 'Expired exceptions';
export const EXPIRED_EXCEPTIONS_INTRO =
  'These waivers had expired on the assessment date: the findings they covered are reported as open again.';

/** Who accepted a finding or marked it a false positive. */
export function decidedBy(byException: boolean): string {
  return byException ? 'exception (waiver file)' : 'consultant';
}

/** The expiry of an accepted risk that has none. */
export const NO_EXPIRY = 'never';
