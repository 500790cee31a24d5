import { CheckStatus } from '../../../engine/check-result';
import type { AssessmentEntity } from '../entities/assessment.entity';

/**
 * What one assessment could judge: a finding it does not have means "fixed" only for a check it evaluated, on a
 * kind it could read, in a namespace its profile covered. Anything else it simply did not look at.
 */
export interface AssessmentCoverage {
  /** Checks that ran and reached a verdict (passed, failed or not applicable). */
  evaluatedChecks: string[];
  /** Kinds the collection could not read (coverage gaps). */
  unreadableKinds: string[];
  /** The profile's namespaces; empty means every namespace. */
  namespaces: string[];
}

export type CoveredAssessment = Pick<AssessmentEntity, 'checkResults' | 'coverageGaps' | 'profile'>;

export function coverageOf(assessment: CoveredAssessment): AssessmentCoverage {
  return {
    evaluatedChecks: (assessment.checkResults ?? [])
      .filter((result) => result.status !== CheckStatus.NotEvaluated)
      .map((result) => result.check),
    unreadableKinds: assessment.coverageGaps.map((gap) => gap.kind),
    namespaces: assessment.profile.namespaces ?? [],
  };
}
