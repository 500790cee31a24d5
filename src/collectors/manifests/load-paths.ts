import { open, readdir, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { type InputError, InputErrorCode } from '../../engine/input-error';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';
import { type ParsedManifests, parseManifests } from './parse-manifests';

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
export const STDIN_PATH = '-';

/**
 * Loads manifests from files, directories (recursively: .yaml, .yml, .json) and standard input (`-`).
 * Every unreadable or malformed file becomes an input error; the others are still loaded.
 */
export async function loadPaths(
  paths: readonly string[],
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<ParsedManifests> {
  const result: ParsedManifests = { objects: [], errors: [] };
  for (const path of paths) {
    if (path === STDIN_PATH) {
      merge(result, await loadStream(stdin, '<stdin>', limits));
      continue;
    }
    for (const file of await expand(path, result.errors)) {
      merge(result, await loadFile(file, limits));
    }
  }
  return result;
}

function merge(into: ParsedManifests, from: ParsedManifests): void {
  into.objects.push(...from.objects);
  into.errors.push(...from.errors);
}

async function expand(path: string, errors: InputError[]): Promise<string[]> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    errors.push({ code: InputErrorCode.FileUnreadable, message: reason(error), file: path });
    return [];
  }
  if (!stats.isDirectory()) {
    return [path];
  }
  const files: string[] = [];
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) {
      files.push(...(await expand(child, errors)));
    } else if (
      (entry.isFile() || entry.isSymbolicLink()) &&
      MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))
    ) {
      files.push(child);
    }
  }
  return files;
}

async function loadFile(file: string, limits: ParseLimits): Promise<ParsedManifests> {
  const failed = (code: InputErrorCode, message: string): ParsedManifests => ({
    objects: [],
    errors: [{ code, message, file }],
  });
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    return failed(InputErrorCode.FileUnreadable, reason(error));
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) {
      return failed(InputErrorCode.FileUnreadable, 'not a regular file');
    }
    if (stats.size > limits.maxFileBytes) {
      return failed(
        InputErrorCode.FileTooLarge,
        `${stats.size} bytes, over the limit of ${limits.maxFileBytes}`,
      );
    }
    return decode(await handle.readFile(), file, limits);
  } catch (error) {
    return failed(InputErrorCode.FileUnreadable, reason(error));
  } finally {
    await handle.close();
  }
}

async function loadStream(
  stream: NodeJS.ReadableStream,
  name: string,
  limits: ParseLimits,
): Promise<ParsedManifests> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limits.maxFileBytes) {
      return {
        objects: [],
        errors: [
          {
            code: InputErrorCode.FileTooLarge,
            message: `over the limit of ${limits.maxFileBytes} bytes`,
            file: name,
          },
        ],
      };
    }
    chunks.push(buffer);
  }
  return decode(Buffer.concat(chunks), name, limits);
}

function decode(bytes: Buffer, file: string, limits: ParseLimits): ParsedManifests {
  if (bytes.subarray(0, 8192).includes(0)) {
    return {
      objects: [],
      errors: [{ code: InputErrorCode.BinaryFile, message: 'binary content, not YAML or JSON', file }],
    };
  }
  return parseManifests(bytes.toString('utf8'), file, limits);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `cannot read (${code})` : error instanceof Error ? error.message : String(error);
}
