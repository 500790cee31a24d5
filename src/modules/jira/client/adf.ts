/**
 * Atlassian Document Format, the rich text of Jira Cloud's v3 API (descriptions, comments): a JSON tree, so
 * no text needs escaping. Only the nodes and marks our tickets use are modelled.
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */

export type AdfMark = { type: 'code' } | { type: 'strong' } | { type: 'link'; attrs: { href: string } };

export interface AdfText {
  type: 'text';
  text: string;
  marks?: AdfMark[];
}

export interface AdfParagraph {
  type: 'paragraph';
  content: AdfText[];
}

export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content: AdfText[];
}

export interface AdfCodeBlock {
  type: 'codeBlock';
  attrs?: { language: string };
  /** Plain text only: ADF allows no marks inside a code block. */
  content: { type: 'text'; text: string }[];
}

export interface AdfRule {
  type: 'rule';
}

export interface AdfListItem {
  type: 'listItem';
  /** ADF requires a paragraph first; lists and code blocks may follow it. */
  content: [AdfParagraph, ...(AdfBulletList | AdfCodeBlock)[]];
}

export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}

export type AdfBlock = AdfParagraph | AdfHeading | AdfCodeBlock | AdfRule | AdfBulletList;

export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfBlock[];
}

/** Text, or a string taken as plain text. */
export type AdfInline = AdfText | string;

export function text(value: string): AdfText {
  return { type: 'text', text: value };
}

export function strong(value: string): AdfText {
  return { type: 'text', text: value, marks: [{ type: 'strong' }] };
}

/** Inline code. ADF lets `code` combine with no other mark but `link`, so this one takes none. */
export function code(value: string): AdfText {
  return { type: 'text', text: value, marks: [{ type: 'code' }] };
}

function isWebUrl(href: string): boolean {
  try {
    const { protocol } = new URL(href);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A link, or plain text when `href` is not an http(s) URL: no `javascript:` or `file:` link reaches Jira. */
export function link(value: string, href: string): AdfText {
  return isWebUrl(href)
    ? { type: 'text', text: value, marks: [{ type: 'link', attrs: { href } }] }
    : text(value);
}

/** ADF refuses empty text nodes, so they are dropped here rather than checked by every caller. */
function inlineContent(parts: AdfInline[]): AdfText[] {
  return parts
    .map((part) => (typeof part === 'string' ? text(part) : part))
    .filter((part) => part.text !== '');
}

export function paragraph(...parts: AdfInline[]): AdfParagraph {
  return { type: 'paragraph', content: inlineContent(parts) };
}

export function heading(level: AdfHeading['attrs']['level'], ...parts: AdfInline[]): AdfHeading {
  return { type: 'heading', attrs: { level }, content: inlineContent(parts) };
}

/** A code block, e.g. a YAML patch with `language: 'yaml'` (Jira highlights it). */
export function codeBlock(source: string, language?: string): AdfCodeBlock {
  return {
    type: 'codeBlock',
    ...(language && { attrs: { language } }),
    content: source === '' ? [] : [{ type: 'text', text: source }],
  };
}

export function rule(): AdfRule {
  return { type: 'rule' };
}

export function listItem(first: AdfParagraph, ...rest: (AdfBulletList | AdfCodeBlock)[]): AdfListItem {
  return { type: 'listItem', content: [first, ...rest] };
}

/** A bullet list; an item given as text (or an array of text) becomes one paragraph. */
export function bulletList(...items: (AdfListItem | AdfInline | AdfInline[])[]): AdfBulletList {
  return {
    type: 'bulletList',
    content: items.map((item) => {
      if (Array.isArray(item)) {
        return listItem(paragraph(...item));
      }
      return typeof item === 'string' || item.type === 'text' ? listItem(paragraph(item)) : item;
    }),
  };
}

/**
 * Jira refuses a description or comment over 32,767 characters. The serialized document is measured: it is
 * never shorter than the text Jira counts, and stays under the limit with a margin.
 */
export const ADF_MAX_LENGTH = 32_000;

const DEFAULT_TRUNCATION_NOTE = 'Truncated to fit Jira’s size limit: the complete text is in Kubeassay.';

function serializedLength(value: unknown): number {
  return JSON.stringify(value).length;
}

/** The longest prefix `shorter(n)` (1 ≤ n < size) that fits in `budget`, if any: a binary search over n. */
function longestFitting<T>(size: number, shorter: (n: number) => T, budget: number): T | undefined {
  let best: T | undefined;
  let low = 1;
  // An item or a character costs at least one serialized character: no need to try more than `budget`.
  let high = Math.min(size - 1, budget);
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const candidate = shorter(middle);
    if (serializedLength(candidate) <= budget) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return best;
}

/** The leading part of a list (whole items) or of a code block (its first characters) that fits in `budget`. */
function cutToFit(block: AdfBlock, budget: number): AdfBlock | undefined {
  if (block.type === 'bulletList') {
    return longestFitting(
      block.content.length,
      (n) => ({ ...block, content: block.content.slice(0, n) }),
      budget,
    );
  }
  if (block.type === 'codeBlock' && block.content[0]) {
    // Array.from: cutting between the halves of a surrogate pair would leave a broken character.
    const characters = Array.from(block.content[0].text);
    const language = block.attrs?.language;
    return longestFitting(
      characters.length,
      (n) => codeBlock(characters.slice(0, n).join(''), language),
      budget,
    );
  }
  return undefined;
}

/**
 * The document of `blocks`, cut to at most `maxLength` serialized characters: whole blocks are kept while
 * they fit, then as much of the next list or code block as fits, then a paragraph saying the text was cut.
 */
export function adfDocument(
  blocks: AdfBlock[],
  { maxLength = ADF_MAX_LENGTH, truncationNote = DEFAULT_TRUNCATION_NOTE } = {},
): AdfDocument {
  const document: AdfDocument = { type: 'doc', version: 1, content: blocks };
  if (serializedLength(document) <= maxLength) {
    return document;
  }
  const note = paragraph(strong(truncationNote));
  // Each further block costs its own length and one comma.
  let budget = maxLength - serializedLength({ ...document, content: [note] });
  const kept: AdfBlock[] = [];
  for (const block of blocks) {
    const length = serializedLength(block) + 1;
    if (length <= budget) {
      kept.push(block);
      budget -= length;
      continue;
    }
    const part = cutToFit(block, budget - 1);
    if (part) {
      kept.push(part);
    }
    break;
  }
  return { ...document, content: [...kept, note] };
}
