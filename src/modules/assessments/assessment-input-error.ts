/** A run that can never succeed on this input (missing or unreadable snapshot, a profile the catalog rejects). */
export class AssessmentInputError extends Error {}

/** Postgres SQLSTATE classes that no retry fixes: data exceptions (22) and integrity violations (23). */
export function isPermanentDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
