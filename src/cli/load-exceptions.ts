import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { Check } from '../engine/check';
import { exceptionListSchema, type ExceptionSpec } from '../engine/exceptions';
import { UsageError } from './usage-error';

const MAX_EXCEPTIONS_FILE_BYTES = 4 * 1024 * 1024;

/** Reads and validates an exceptions file (YAML or JSON); every exception must name a known check. */
export async function loadExceptions(file: string, catalog: readonly Check[]): Promise<ExceptionSpec[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read exceptions file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if (text.length > MAX_EXCEPTIONS_FILE_BYTES) {
    throw new UsageError(`exceptions file ${file} is larger than ${MAX_EXCEPTIONS_FILE_BYTES} bytes`);
  }
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new UsageError(
      `exceptions file ${file} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = exceptionListSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `exceptions file ${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`,
    );
  }
  const known = new Set(catalog.map((check) => check.meta.id));
  const unknown = parsed.data.exceptions.filter((exception) => !known.has(exception.check));
  if (unknown.length > 0) {
    throw new UsageError(
      `exceptions file ${file} names unknown checks: ${unknown.map((e) => e.check).join(', ')}`,
    );
  }
  return parsed.data.exceptions;
}
