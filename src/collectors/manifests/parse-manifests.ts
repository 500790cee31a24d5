import { Composer, type Document, LineCounter, Parser, isNode, type Node } from 'yaml';
import { type InputError, InputErrorCode } from '../../engine/input-error';
import type { SourcedObject } from '../../engine/inventory/inventory';
import { toKubeObject } from '../../engine/inventory/kube-object';
import type { ObjectSource } from '../../engine/inventory/object-source';
import { exceedsDepth, flowNestingExceeds } from './depth';
import { parseEvidencePath } from './evidence-path';
import { expandDocument } from './expand-lists';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits';

export interface ParsedManifests {
  objects: SourcedObject[];
  errors: InputError[];
}

const HELM_SOURCE = /^\s*Source:\s*(\S.*?)\s*$/m;

/** Parses manifest text (multi-document YAML, JSON, Lists, arrays) into objects with their file and line. */
export function parseManifests(
  text: string,
  file: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): ParsedManifests {
  const result: ParsedManifests = { objects: [], errors: [] };
  if (looksLikeJson(file, text)) {
    parseJson(text, file, limits, result);
  } else {
    parseYaml(text, file, limits, result);
  }
  return result;
}

function looksLikeJson(file: string, text: string): boolean {
  if (file.toLowerCase().endsWith('.json')) {
    return true;
  }
  const first = text.trimStart()[0];
  return first === '{' || (first === '[' && isJson(text));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parseJson(text: string, file: string, limits: ParseLimits, result: ParsedManifests): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.errors.push({
      code: InputErrorCode.MalformedJson,
      message,
      file,
      line: jsonErrorLine(text, message),
    });
    return;
  }
  if (exceedsDepth(value, limits.maxDepth)) {
    result.errors.push(deeperThanLimit(limits, file, 1));
    return;
  }
  addItems(value, { file, line: 1 }, result);
}

function jsonErrorLine(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) {
    return Number(line[1]);
  }
  const position = /position (\d+)/.exec(message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : 1;
}

function parseYaml(text: string, file: string, limits: ParseLimits, result: ParsedManifests): void {
  if (flowNestingExceeds(text, limits.maxDepth)) {
    result.errors.push(deeperThanLimit(limits, file, 1));
    return;
  }
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  const documents = new Composer({ keepSourceTokens: false }).compose(
    new Parser(lineCounter.addNewLine).parse(text),
    true,
  );
  let count = 0;
  try {
    for (const document of documents) {
      if (++count > limits.maxDocuments) {
        result.errors.push({
          code: InputErrorCode.TooManyDocuments,
          message: `more than ${limits.maxDocuments} documents; the rest of the file was not read`,
          file,
          line: lineAt(document.range[0]),
        });
        return;
      }
      addYamlDocument(document, file, lineAt, limits, result);
    }
  } catch (error) {
    if (error instanceof RangeError) {
      result.errors.push({ ...TOO_DEEP_TO_PARSE, file, line: 1 });
      return;
    }
    throw error;
  }
}

function addYamlDocument(
  document: Document.Parsed,
  file: string,
  lineAt: (offset: number) => number,
  limits: ParseLimits,
  result: ParsedManifests,
): void {
  const contents = document.contents;
  const start = contents && isNode(contents) && contents.range ? contents.range[0] : document.range[0];
  const line = lineAt(start);
  const [error] = document.errors;
  if (error) {
    result.errors.push({ ...documentFailure(error), file, line: lineAt(error.pos[0]) });
    return;
  }
  if (contents === null) {
    return; // an empty document between separators, as Helm often renders
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: limits.maxAliases });
  } catch (failure) {
    result.errors.push({ ...toJsFailure(failure, limits), file, line });
    return;
  }
  if (exceedsDepth(value, limits.maxDepth)) {
    result.errors.push(deeperThanLimit(limits, file, line));
    return;
  }
  const comments = [document.commentBefore, isNode(contents) ? contents.commentBefore : undefined].join('\n');
  const template = HELM_SOURCE.exec(comments)?.[1];
  const source = { file, line, ...(template !== undefined && { template }) };
  addItems(value, source, result, evidenceLines(document, lineAt));
}

/**
 * For an item at `prefix` in the document, the line of an evidence path inside it: the line of the deepest node
 * of the path that exists (a missing field is reported where it would go).
 */
function evidenceLines(document: Document.Parsed, lineAt: (offset: number) => number) {
  return (prefix: (string | number)[]) => (path: string) => {
    const segments = [...prefix, ...parseEvidencePath(path)];
    for (let length = segments.length; length >= 0; length--) {
      const node: unknown = document.getIn(segments.slice(0, length), true);
      if (isNode(node) && (node as Node).range) {
        return lineAt((node as Node).range![0]);
      }
    }
    return undefined;
  };
}

function addItems(
  value: unknown,
  source: ObjectSource,
  result: ParsedManifests,
  lineOfPath?: (prefix: (string | number)[]) => (path: string) => number | undefined,
): void {
  const items = expandDocument(value);
  for (const item of items) {
    const lineOf = lineOfPath?.(item.prefix);
    const itemLine = item.prefix.length > 0 ? (lineOf?.('') ?? source.line) : source.line;
    const checked = toKubeObject(item.value);
    if ('problem' in checked) {
      if (item.value === null && items.length === 1) {
        continue;
      }
      result.errors.push({
        code: InputErrorCode.NotAnObject,
        message: checked.problem,
        file: source.file,
        line: itemLine,
      });
      continue;
    }
    result.objects.push({
      object: checked.object,
      source: { ...source, line: itemLine, ...(lineOf && { lineOf }) },
    });
  }
}

const TOO_DEEP_TO_PARSE = { code: InputErrorCode.TooDeep, message: 'nesting too deep to parse' } as const;

function deeperThanLimit(limits: ParseLimits, file: string, line: number): InputError {
  return {
    code: InputErrorCode.TooDeep,
    message: `nesting deeper than ${limits.maxDepth} levels`,
    file,
    line,
  };
}

function documentFailure(error: { message: string }): Pick<InputError, 'code' | 'message'> {
  // The parser catches its own stack overflow on deeply indented input and reports it as a document error.
  if (/call stack/i.test(error.message)) {
    return TOO_DEEP_TO_PARSE;
  }
  return { code: InputErrorCode.MalformedYaml, message: error.message.split('\n')[0] ?? error.message };
}

function toJsFailure(failure: unknown, limits: ParseLimits): Pick<InputError, 'code' | 'message'> {
  if (failure instanceof RangeError) {
    return TOO_DEEP_TO_PARSE;
  }
  if (failure instanceof ReferenceError && /alias/i.test(failure.message)) {
    return {
      code: InputErrorCode.TooManyAliases,
      message: `more than ${limits.maxAliases} alias expansions`,
    };
  }
  return {
    code: InputErrorCode.MalformedYaml,
    message: failure instanceof Error ? failure.message : String(failure),
  };
}
