import type { Prose, ProseBlock } from '../text/prose';
import { type Markdown, trustedMarkdown } from './markdown-escape';

/**
 * The report's own prose (`../text`) as Markdown: its marks are Markdown's and its soft breaks stay, so it is
 * output as it is. Only for that prose: a client's string goes through `escapeText`.
 */
export function proseMd(prose: Prose): Markdown {
  return trustedMarkdown(prose);
}

/** Prose in a list item: its soft breaks go on at the item's indentation. */
export function listItemMd(prose: Prose): Markdown {
  return trustedMarkdown(prose.replace(/\n/g, '\n  '));
}

/** Paragraphs and bulleted lists, a blank line apart. */
export function blocksMd(blocks: readonly ProseBlock[]): Markdown {
  return trustedMarkdown(
    blocks
      .map((block) =>
        'paragraph' in block ? block.paragraph : block.list.map((item) => `- ${listItemMd(item)}`).join('\n'),
      )
      .join('\n\n'),
  );
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation other than hyphens dropped, spaces as hyphens
 * (`2. Layer × phase heat map` is `#2-layer--phase-heat-map`).
 */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** A link to one of the report's own headings. */
export function headingLinkMd(heading: string, text = heading): Markdown {
  return trustedMarkdown(`[${text}](#${headingAnchor(heading)})`);
}
