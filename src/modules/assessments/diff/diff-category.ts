/** Where a finding stands when one assessment of a cluster is compared with an earlier one (its baseline). */
export enum DiffCategory {
  /** In this assessment only, and in no succeeded assessment of the cluster before the baseline. */
  New = 'new',
  /** In the baseline only, and this assessment evaluated its check on a kind it could read. */
  Fixed = 'fixed',
  /** In the baseline only, but this assessment could not judge it: never counted as fixed. */
  NotAssessed = 'not_assessed',
  /** In both; or back in view after a baseline that could not judge it. */
  Persisting = 'persisting',
  /** Absent from a baseline that judged it, present before that and present again now. */
  Regressed = 'regressed',
}
