/** Triage status of a finding (DESIGN.md §2); a scan produces `open` or `accepted`, triage the others. */
export enum TriageStatus {
  Open = 'open',
  Accepted = 'accepted',
  FalsePositive = 'false_positive',
  Fixed = 'fixed',
}
