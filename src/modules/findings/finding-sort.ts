/** Orders of the findings listing; each has its own cursor. */
export enum FindingSort {
  /** The order the assessment stored them (the default). */
  Inserted = 'inserted',
  /** Critical first, down to info; insertion order within a severity. */
  Severity = 'severity',
}
