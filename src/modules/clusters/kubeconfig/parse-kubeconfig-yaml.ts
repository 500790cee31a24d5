import { parseDocument } from 'yaml';
import { exceedsDepth, flowNestingExceeds } from '../../../collectors/manifests/depth';
import { DEFAULT_PARSE_LIMITS } from '../../../collectors/manifests/limits';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { isRecord } from '../../../engine/inventory/guards';
import { isSet } from './kubeconfig-fields';

/** A kubeconfig with one cluster and an inline certificate is a few KiB; hundreds of contexts fit in this. */
export const KUBECONFIG_MAX_BYTES = 256 * 1024;

function malformed(reason: string): DomainError {
  return new DomainError(ErrorCode.ClusterKubeconfigMalformed, `the kubeconfig ${reason}`);
}

/**
 * Parses submitted kubeconfig text into plain data, within the same bounds as manifests (alias expansions,
 * nesting depth). It is read as YAML 1.1, as kubectl's YAML reader does, so `yes` is a boolean and `<<` merge
 * keys apply: a field hidden behind a merge key is seen here exactly as a client would see it. Duplicate keys
 * are refused, so no two readers can disagree on which value counts.
 */
export function parseKubeconfigYaml(text: string): Record<string, unknown> {
  if (Buffer.byteLength(text, 'utf8') > KUBECONFIG_MAX_BYTES) {
    throw new DomainError(
      ErrorCode.BodyTooLarge,
      `the kubeconfig is larger than ${KUBECONFIG_MAX_BYTES} bytes`,
    );
  }
  const { maxDepth, maxAliases } = DEFAULT_PARSE_LIMITS;
  if (flowNestingExceeds(text, maxDepth)) {
    throw malformed(`nests deeper than ${maxDepth} levels`);
  }
  const document = parseDocument(text, { version: '1.1' });
  const [error] = document.errors;
  if (error) {
    // Never the parser's own message: it quotes the offending line, which may hold a credential.
    throw malformed(
      /call stack/i.test(error.message)
        ? 'nests too deep to parse'
        : `is not valid YAML (line ${error.linePos?.[0].line ?? 1}: ${error.code})`,
    );
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: maxAliases });
  } catch (failure) {
    throw malformed(toJsFailure(failure, maxAliases));
  }
  if (exceedsDepth(value, maxDepth)) {
    throw malformed(`nests deeper than ${maxDepth} levels`);
  }
  if (!isRecord(value) || (isSet(value['kind']) && value['kind'] !== 'Config')) {
    throw malformed('is not a mapping of kind Config');
  }
  return value;
}

function toJsFailure(failure: unknown, maxAliases: number): string {
  if (failure instanceof ReferenceError) {
    return `expands more than ${maxAliases} aliases`;
  }
  return failure instanceof RangeError ? 'nests too deep to parse' : 'is not valid YAML';
}
