import { QueryFailedError } from 'typeorm';

/** Postgres rejected a row that a unique index already holds (two requests racing count as one winner). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505';
}
