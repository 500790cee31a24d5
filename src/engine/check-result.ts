export enum CheckStatus {
  Passed = 'passed',
  Failed = 'failed',
  /** The check needed something the source could not provide; never counted as a pass. */
  NotEvaluated = 'not_evaluated',
  /** Nothing in the inventory is of the kind the check looks at. */
  NotApplicable = 'not_applicable',
}

export interface CheckResult {
  check: string;
  status: CheckStatus;
  /** Targets evaluated (containers, workloads or objects). */
  evaluated: number;
  /** Open findings. */
  findings: number;
  /** Findings accepted by an exception. */
  accepted: number;
  /** Findings on system components left out by the default exemptions. */
  exempted: number;
  reason?: string;
}
