import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findPackageJson(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    const candidate = join(directory, 'package.json');
    if (existsSync(candidate)) {
      return candidate;
    }
    if (dirname(directory) === directory) {
      throw new Error('package.json not found above the running code');
    }
  }
}

/** The package version, from the nearest package.json (one level up from src/, two from dist/src/). */
export const VERSION: string = (
  JSON.parse(readFileSync(findPackageJson(__dirname), 'utf8')) as { version: string }
).version;
