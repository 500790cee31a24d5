import type { Content, ContentColumns, ContentTable, ContentText, TableCell } from 'pdfmake/interfaces';
import type { Severity } from '../../engine/model';
import { SEVERITY_LABELS } from '../text/labels';
import { CODE_FONT_SIZE, COLOURS, SEVERITY_COLOURS } from './theme';

/** A section title: in the table of contents and the outline, on a new page unless said otherwise. */
export function sectionTitle(text: string, id: string, newPage = true): ContentText {
  return {
    text,
    id,
    style: 'h1',
    tocItem: true,
    tocStyle: 'tocSection',
    outline: true,
    ...(newPage && { pageBreak: 'before' as const }),
  };
}

/**
 * `label N`, where N is the page of an anchor, linked to it, at the right of a lead-in that takes the rest of
 * the line. pdfmake resolves a page reference reliably only as a node of its own, not inside a run of text,
 * hence the columns.
 */
export function pageLink(label: string, anchor: string, leadIn: ContentText): ContentColumns {
  return {
    columns: [
      { ...leadIn, width: '*' },
      { text: label, width: 'auto', noWrap: true, linkToDestination: anchor },
      { pageReference: anchor, width: 'auto' },
    ],
    columnGap: 3,
  };
}

export function subTitle(text: string): ContentText {
  return { text, style: 'h2' };
}

export function paragraph(text: string | ContentText[]): ContentText {
  return { text, style: 'paragraph' };
}

export function severityLabel(severity: Severity): ContentText {
  return { text: SEVERITY_LABELS[severity], bold: true, color: SEVERITY_COLOURS[severity] };
}

/** Width of a character of the code style: DejaVu Sans Mono glyphs are 0.602 em wide. */
const CODE_CHARACTER_WIDTH = CODE_FONT_SIZE * 0.602;
const CODE_PADDING = 6;
const CONTINUED = '↪ ';

/**
 * Lines too long for the block are cut at its edge and go on after a `↪` on the next line, so a wrapped line is
 * never mistaken for a new YAML line at another indentation.
 */
function wrapCode(code: string, columns: number): string {
  return code
    .split('\n')
    .flatMap((line) => {
      const parts = [line.slice(0, columns)];
      for (let start = columns; start < line.length; start += columns - CONTINUED.length) {
        parts.push(CONTINUED + line.slice(start, start + columns - CONTINUED.length));
      }
      return parts;
    })
    .join('\n');
}

/** A monospace block `width` points wide that keeps the indentation of YAML. */
export function codeBlock(code: string, width: number): ContentTable {
  const columns = Math.floor((width - 2 * CODE_PADDING - 2) / CODE_CHARACTER_WIDTH);
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            text: wrapCode(code, columns),
            style: 'code',
            preserveLeadingSpaces: true,
            fillColor: COLOURS.code,
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => COLOURS.rule,
      vLineColor: () => COLOURS.rule,
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => CODE_PADDING,
      paddingRight: () => CODE_PADDING,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 2, 0, 6],
  };
}

/** Thin horizontal rules between rows, a shaded header repeated on every page. */
export const DATA_TABLE_LAYOUT = {
  hLineWidth: (row: number) => (row === 0 ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => COLOURS.rule,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

export type HeaderCell = string | { text: string; alignment: 'right' };

/** A table whose header row repeats on every page and stays with the first row. */
export function dataTable(
  widths: (number | string)[],
  header: HeaderCell[],
  rows: TableCell[][],
): ContentTable {
  return {
    style: 'table',
    table: {
      headerRows: 1,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((cell) =>
          typeof cell === 'string' ? { text: cell, style: 'tableHeader' } : { ...cell, style: 'tableHeader' },
        ),
        ...rows,
      ],
    },
    layout: DATA_TABLE_LAYOUT,
  };
}

/** More rows of the table just above (given no bottom margin), without a header of their own. */
export function continuedTable(widths: (number | string)[], rows: TableCell[][]): ContentTable {
  return {
    style: 'table',
    table: { dontBreakRows: true, widths, body: rows },
    layout: { ...DATA_TABLE_LAYOUT, hLineWidth: () => 0.5 },
    margin: [0, 0, 0, 8],
  };
}

/** A shaded row across a table's columns, heading the rows under it. */
export function groupRow(text: ContentText['text'], columns: number): TableCell[] {
  return [
    { text, colSpan: columns, fillColor: COLOURS.groupRow },
    ...Array.from({ length: columns - 1 }, (): TableCell => ({})),
  ];
}

/** What a section says when its list is empty. */
export function none(text: string): Content {
  return { text, style: ['paragraph', 'muted'], italics: true };
}
