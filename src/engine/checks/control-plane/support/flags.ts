import { asArray, isRecord } from '../../../inventory/guards';
import type { Container } from '../../../kube-types';

/** One command-line flag as written in the pod spec. */
export interface FlagOccurrence {
  name: string;
  /** `true` for a bare boolean flag (`--profiling`). */
  value: string;
  /** Evidence path of the list item holding the flag, e.g. `spec.containers[0].command[4]`. */
  path: string;
  /** The item as written, e.g. `--profiling=true`. */
  written: string;
}

/** The flags a control plane container starts with, from its command and args. */
export class FlagSet {
  constructor(
    readonly occurrences: readonly FlagOccurrence[],
    /** Where a missing flag belongs: the list that holds the other flags. */
    readonly listPath: string,
    private readonly env: ReadonlyMap<string, FlagOccurrence> = new Map(),
  ) {}

  /** The effective occurrence: the last one wins, as with the components' flag parser. */
  last(name: string): FlagOccurrence | undefined {
    return this.occurrences.findLast((occurrence) => occurrence.name === name);
  }

  has(name: string): boolean {
    return this.last(name) !== undefined;
  }

  /** The items of a comma-separated list flag, across every occurrence (repeated list flags accumulate). */
  listValues(name: string): string[] {
    return this.occurrences
      .filter((occurrence) => occurrence.name === name)
      .flatMap((occurrence) => occurrence.value.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '');
  }

  /** An environment variable of the container (etcd reads `ETCD_*` variables as flags). */
  envVariable(name: string): FlagOccurrence | undefined {
    return this.env.get(name);
  }
}

const FLAG = /^--?([A-Za-z0-9][A-Za-z0-9-]*)(?:=([\s\S]*))?$/;

const BOOLEAN_WORDS = new Set(['true', 'false']);

export interface Token {
  text: string;
  path: string;
}

/**
 * Items of a command or args list. An item is one argument as the process receives it, except a shell script
 * (`sh -c "exec kube-apiserver --a=b ..."`: an item with spaces that is not itself a flag), split into words.
 */
export function tokensOf(list: unknown, path: string): Token[] {
  return asArray<unknown>(list).flatMap((item, index) => {
    if (typeof item !== 'string') {
      return [];
    }
    const words = item.startsWith('-') ? [item] : item.trim().split(/\s+/);
    return words.filter((text) => text !== '').map((text) => ({ text, path: `${path}[${index}]` }));
  });
}

/**
 * Parses `--flag=value`, `--flag value` and bare `--flag`. A bare flag followed by a word that is not a flag
 * takes it as its value, except that only `true`/`false` may follow a boolean: kube-bench reads them the same way.
 */
export function parseFlags(
  tokens: readonly Token[],
  booleans: ReadonlySet<string> = new Set(),
): FlagOccurrence[] {
  const flags: FlagOccurrence[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const match = FLAG.exec(token.text);
    if (!match) {
      continue;
    }
    const name = match[1]!;
    let value = match[2];
    const next = tokens[index + 1];
    if (value === undefined && next && !next.text.startsWith('-')) {
      if (!booleans.has(name) || BOOLEAN_WORDS.has(next.text.toLowerCase())) {
        value = next.text;
        index++;
      }
    }
    flags.push({ name, value: value ?? 'true', path: token.path, written: token.text });
  }
  return flags;
}

/** Flags that take no value (a following word is a positional argument, not theirs). */
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth',
  'profiling',
  'client-cert-auth',
  'peer-client-cert-auth',
  'auto-tls',
]);

export function flagsOf(container: Container, containerPath: string): FlagSet {
  const command = tokensOf(container.command, `${containerPath}.command`);
  const args = tokensOf(container.args, `${containerPath}.args`);
  const occurrences = parseFlags([...command, ...args], BOOLEAN_FLAGS);
  const inArgs = occurrences.some((occurrence) => occurrence.path.startsWith(`${containerPath}.args`));
  const listPath =
    inArgs || (command.length === 0 && args.length > 0)
      ? `${containerPath}.args`
      : `${containerPath}.command`;
  const env = new Map<string, FlagOccurrence>();
  asArray<unknown>(container.env).forEach((variable, index) => {
    if (isRecord(variable) && typeof variable['name'] === 'string' && typeof variable['value'] === 'string') {
      const { name, value } = variable as { name: string; value: string };
      env.set(name, {
        name,
        value,
        path: `${containerPath}.env[${index}].value`,
        written: `${name}=${value}`,
      });
    }
  });
  return new FlagSet(occurrences, listPath, env);
}
