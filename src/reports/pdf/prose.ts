import type { Content, ContentText } from 'pdfmake/interfaces';
import type { Prose, ProseBlock } from '../text/prose';

/** A `code` span or a **strong** one, in the order they come. */
const MARK = /`([^`]*)`|\*\*([^*]+)\*\*/g;

/**
 * The report's own prose, or the check catalog's, as runs of text: `code` in the monospace face, **strong** in
 * bold, soft breaks joined. Only for that prose: a string from a client's cluster is always one plain run.
 */
export function proseRuns(prose: Prose, codeStyle = 'code'): ContentText[] {
  const text = prose.replace(/\n/g, ' ');
  const runs: ContentText[] = [];
  let start = 0;
  for (const match of text.matchAll(MARK)) {
    runs.push({ text: text.slice(start, match.index) });
    runs.push(
      match[1] !== undefined ? { text: match[1], style: codeStyle } : { text: match[2]!, bold: true },
    );
    start = match.index + match[0].length;
  }
  runs.push({ text: text.slice(start) });
  return runs.filter((run) => run.text !== '');
}

/** Paragraphs and bulleted lists of prose. */
export function proseBlocks(blocks: readonly ProseBlock[]): Content[] {
  return blocks.map((block) =>
    'paragraph' in block
      ? { text: proseRuns(block.paragraph), style: 'paragraph' }
      : {
          ul: block.list.map((item) => ({ text: proseRuns(item), margin: [0, 0, 0, 2] })),
          style: 'paragraph',
        },
  );
}
