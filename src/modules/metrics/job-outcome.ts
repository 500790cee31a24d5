/** How one attempt of a queue job ended. A failed attempt may still be retried. */
export enum JobOutcome {
  Completed = 'completed',
  Failed = 'failed',
}
