/**
 * The part of pdfmake 0.3 the PDF report uses. @types/pdfmake would add `/// <reference lib="dom" />` to the
 * whole program (DOM globals clash with Node's in the service and the tests), so these declarations stand in
 * for it, under the same module names and type names.
 */
declare module 'pdfmake/interfaces' {
  export type Margins = number | [number, number] | [number, number, number, number];

  export interface Style {
    font?: string;
    fontSize?: number;
    lineHeight?: number;
    bold?: boolean;
    italics?: boolean;
    color?: string;
    fillColor?: string;
    alignment?: 'left' | 'right' | 'center' | 'justify';
    margin?: Margins;
    preserveLeadingSpaces?: boolean;
    noWrap?: boolean;
    wordBreak?: 'normal' | 'break-all';
  }

  export type StyleReference = string | string[];
  export type StyleDictionary = Record<string, Style>;

  interface ContentBase extends Style {
    style?: StyleReference;
    id?: string;
    pageBreak?: 'before' | 'after';
    unbreakable?: boolean;
    /** As a column of `columns`. */
    width?: number | string;
    /** As a cell of a table. */
    colSpan?: number;
  }

  export interface ContentText extends ContentBase {
    text: string | Content[];
    tocItem?: boolean;
    tocStyle?: StyleReference;
    tocNumberStyle?: StyleReference;
    outline?: boolean;
    linkToDestination?: string;
  }

  export interface ContentStack extends ContentBase {
    stack: Content[];
  }

  export interface ContentColumns extends ContentBase {
    columns: Content[];
    columnGap?: number;
  }

  export interface TableLayout {
    hLineWidth?: (row: number) => number;
    vLineWidth?: (column: number) => number;
    hLineColor?: (row: number) => string;
    vLineColor?: (column: number) => string;
    paddingLeft?: (column: number) => number;
    paddingRight?: (column: number) => number;
    paddingTop?: (row: number) => number;
    paddingBottom?: (row: number) => number;
  }

  export interface Table {
    widths: (number | string)[];
    body: TableCell[][];
    heights?: number | ((row: number) => number);
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
  }

  export interface ContentTable extends ContentBase {
    table: Table;
    layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines' | TableLayout;
  }

  export type CanvasElement =
    | {
        type: 'rect';
        x: number;
        y: number;
        w: number;
        h: number;
        color?: string;
        lineWidth?: number;
        lineColor?: string;
      }
    | {
        type: 'line';
        x1: number;
        y1: number;
        x2: number;
        y2: number;
        lineWidth?: number;
        lineColor?: string;
      };

  export interface ContentCanvas extends ContentBase {
    canvas: CanvasElement[];
  }

  /** `image` names an entry of the document's `images`. */
  export interface ContentImage extends ContentBase {
    image: string;
    fit?: [number, number];
  }

  export interface ContentUnorderedList extends ContentBase {
    ul: Content[];
  }

  export interface ContentOrderedList extends ContentBase {
    ol: Content[];
  }

  /** The page number of the node with that id. */
  export interface ContentPageReference extends ContentBase {
    pageReference: string;
  }

  export interface ContentToc extends ContentBase {
    toc: { title?: Content };
  }

  export type Content =
    | string
    | Content[]
    | ContentText
    | ContentStack
    | ContentColumns
    | ContentTable
    | ContentCanvas
    | ContentImage
    | ContentUnorderedList
    | ContentOrderedList
    | ContentPageReference
    | ContentToc;

  /** A cell, or `{}` under a cell spanning it. */
  export type TableCell = Content | Record<string, never>;

  export interface TFontFamilyTypes {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  export type TFontDictionary = Record<string, TFontFamilyTypes>;

  export type DynamicContent = (currentPage: number, pageCount: number) => Content | null;

  export interface TDocumentDefinitions {
    content: Content;
    pageSize?: 'A4';
    pageMargins?: Margins;
    info?: {
      title?: string;
      author?: string;
      subject?: string;
      creator?: string;
      producer?: string;
      creationDate?: Date;
      modDate?: Date;
    };
    /** Data URLs (the printer refuses paths and URLs). */
    images?: Record<string, string>;
    header?: DynamicContent;
    footer?: DynamicContent;
    defaultStyle?: Style;
    styles?: StyleDictionary;
  }
}

declare module 'pdfmake' {
  import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

  interface CreatedPdf {
    getBuffer(): Promise<Buffer>;
  }

  /** The server build's singleton (`module.exports = new pdfmake()`). */
  const pdfmake: {
    createPdf(definition: TDocumentDefinitions): CreatedPdf;
    setFonts(fonts: TFontDictionary): void;
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
  };
  export default pdfmake;
}
