/**
 * Markdown that a report may output as is: escaped text, code spans and fences built here, or the catalog's
 * own Markdown. Anything else (a resource name, a message, a justification) is text: it goes through
 * `escapeText`.
 */
export type Markdown = string & { readonly __markdown: unique symbol };

/** Controls, and the bidirectional overrides that can make text read differently from what it says. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
/** Characters that start emphasis, code, links, images, HTML, entities, tables, strikethrough or math. */
const INLINE_SYNTAX = /[\\`*_[\]<>|~$&@]/g;
/** Block syntax that only means something at the start of a line (headings, lists, quotes, breaks). */
const LINE_START = /^ ?(?:[#+\-=]|\d+[.)])/;
/** Autolink triggers: a scheme's `://`, and the dot of a domain (`www.example.com`, `evil.example`). */
const AUTOLINK = /:(?=\/\/)|(?<=[\p{L}\p{N}])\.(?=\p{L})/gu;

/**
 * One line, without controls or bidirectional overrides, and with single spaces: a run of spaces could indent
 * a code block or end a line with a hard break, and renders as one space anyway.
 */
function oneLine(text: string): string {
  return text
    .replace(INVISIBLE, '\uFFFD')
    .replace(LINE_BREAK, ' ')
    .replace(/[ \t]+/g, ' ');
}

/**
 * Text as Markdown that renders as exactly that text, on one line, in a paragraph, a list item or a table
 * cell (GitHub and CommonMark): it opens no link, image, autolink, HTML tag, emphasis, code span or new block,
 * and breaks no table. Backslash escapes of ASCII punctuation are CommonMark: only the text shows.
 */
export function escapeText(value: string | number): Markdown {
  const escaped = oneLine(String(value))
    .replace(INLINE_SYNTAX, '\\$&')
    .replace(AUTOLINK, '\\$&')
    .replace(LINE_START, (start) => `${start.slice(0, -1)}\\${start.slice(-1)}`);
  return escaped as Markdown;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Text in a code span, where nothing is interpreted: the fence is longer than any backtick run inside. In a
 * table cell a pipe still ends the cell (GFM), so `inTable` escapes it (the table parser removes the
 * backslash); a backslash of the text's own would pair with that one, so such text is escaped text instead.
 */
export function codeSpan(value: string, options: { inTable: boolean }): Markdown {
  let text = oneLine(value);
  if (text === '') {
    return '' as Markdown;
  }
  if (options.inTable) {
    if (text.includes('\\')) {
      return escapeText(text);
    }
    text = text.replace(/\|/g, '\\|');
  }
  const fence = '`'.repeat(longestRun(text, '`') + 1);
  const padded = /^[` ]|[` ]$/.test(text) ? ` ${text} ` : text;
  return `${fence}${padded}${fence}` as Markdown;
}

/** A fenced code block whose fence no line of the content can close. */
export function fencedBlock(content: string, info: string): Markdown {
  const fence = '`'.repeat(Math.max(3, longestRun(content, '`') + 1));
  return `${fence}${info}\n${content.replace(/\n+$/, '')}\n${fence}` as Markdown;
}

/** Markdown we wrote ourselves (the check catalog's rationales and fixes), output as is. */
export function trustedMarkdown(markdown: string): Markdown {
  return markdown as Markdown;
}
