/** A mistake in how the CLI was called or in a file it was given: exit code 2, message on stderr. */
export class UsageError extends Error {}

export enum ExitCode {
  Clean = 0,
  FindingsAtThreshold = 1,
  UsageOrInputError = 2,
}
