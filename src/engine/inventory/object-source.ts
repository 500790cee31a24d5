/** Where an object came from, when it came from a file. */
export interface ObjectSource {
  file: string;
  /** 1-based line of the document. */
  line: number;
  /** The chart template named by Helm's `# Source:` comment, when the file is rendered Helm output. */
  template?: string;
  /** 1-based line of a field inside the document, given its evidence path; undefined when unknown. */
  lineOf?: (path: string) => number | undefined;
}
