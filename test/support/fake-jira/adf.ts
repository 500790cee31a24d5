import { isRecord } from './site';

/** Jira's limit on a rich text field, counted on the stored document. */
export const MAX_RICH_TEXT_LENGTH = 32_767;

const BLOCK_NODES = new Set([
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'blockquote',
  'rule',
  'panel',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'expand',
  'nestedExpand',
  'mediaSingle',
  'mediaGroup',
  'media',
  'taskList',
  'taskItem',
  'decisionList',
  'decisionItem',
]);
const INLINE_NODES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'date', 'status']);
const MARKS = new Set(['strong', 'em', 'code', 'link', 'strike', 'underline', 'textColor', 'subsup']);

/**
 * Whether a value is an Atlassian Document Jira accepts: a `doc` of version 1 whose nodes and marks are
 * known, text nodes non-empty, links with an href, code blocks of plain text. Undefined means it is.
 */
export function adfProblem(value: unknown): string | undefined {
  if (
    !isRecord(value) ||
    value['type'] !== 'doc' ||
    value['version'] !== 1 ||
    !Array.isArray(value['content'])
  ) {
    return 'not a doc of version 1';
  }
  return contentProblem(value['content'], 'doc');
}

function contentProblem(content: unknown[], parent: string): string | undefined {
  for (const node of content) {
    const problem = nodeProblem(node, parent);
    if (problem) {
      return problem;
    }
  }
  return undefined;
}

function nodeProblem(node: unknown, parent: string): string | undefined {
  if (!isRecord(node) || typeof node['type'] !== 'string') {
    return `a node in ${parent} has no type`;
  }
  const type = node['type'];
  if (!BLOCK_NODES.has(type) && !INLINE_NODES.has(type)) {
    return `unknown node type ${type}`;
  }
  if (type === 'text') {
    return textProblem(node, parent);
  }
  if (type === 'heading') {
    const level = isRecord(node['attrs']) ? node['attrs']['level'] : undefined;
    if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) {
      return 'a heading needs attrs.level 1 to 6';
    }
  }
  const content = node['content'];
  if (content === undefined) {
    return undefined;
  }
  return Array.isArray(content) ? contentProblem(content, type) : `the content of ${type} is not an array`;
}

function textProblem(node: Record<string, unknown>, parent: string): string | undefined {
  if (typeof node['text'] !== 'string' || node['text'] === '') {
    return 'a text node has empty text';
  }
  const marks = node['marks'];
  if (marks === undefined) {
    return undefined;
  }
  if (!Array.isArray(marks)) {
    return 'marks is not an array';
  }
  if (parent === 'codeBlock' && marks.length > 0) {
    return 'text in a codeBlock cannot have marks';
  }
  for (const mark of marks) {
    if (!isRecord(mark) || typeof mark['type'] !== 'string' || !MARKS.has(mark['type'])) {
      return 'unknown mark';
    }
    if (mark['type'] === 'link' && !(isRecord(mark['attrs']) && typeof mark['attrs']['href'] === 'string')) {
      return 'a link mark needs attrs.href';
    }
  }
  return undefined;
}
