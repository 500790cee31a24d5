import type { StyleDictionary } from 'pdfmake/interfaces';
import { Severity } from '../../engine/model';
import { Posture } from '../report-model';
import { MONO_FONT, TEXT_FONT } from './pdf-printer';

/** A4 in points, and the margins around the content. */
export const PAGE = { width: 595.28, side: 50, top: 62, bottom: 52 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.side;

export const COLOURS = {
  ink: '#1f2933',
  muted: '#616e7c',
  rule: '#cbd2d9',
  accent: '#0b3c5d',
  tableHeader: '#e4e7eb',
  groupRow: '#f0f2f5',
  code: '#f5f7fa',
  track: '#eef0f3',
  white: '#ffffff',
} as const;

export const SEVERITY_COLOURS: Record<Severity, string> = {
  [Severity.Critical]: '#b91c1c',
  [Severity.High]: '#ea580c',
  [Severity.Medium]: '#d97706',
  [Severity.Low]: '#2563eb',
  [Severity.Info]: '#6b7280',
};

export interface PostureColours {
  fill: string;
  ink: string;
}

/** Heat-map and principle colours: the model's posture of each part (the Markdown report's squares). */
export const POSTURE_COLOURS: Record<Posture, PostureColours> = {
  [Posture.Critical]: { fill: '#d73027', ink: COLOURS.white },
  [Posture.Poor]: { fill: '#fc8d59', ink: COLOURS.ink },
  [Posture.Fair]: { fill: '#fee08b', ink: COLOURS.ink },
  [Posture.Good]: { fill: '#1a9850', ink: COLOURS.white },
};

/** A part none of whose checks was evaluated (posture null). */
export const NOT_EVALUATED_COLOURS: PostureColours = { fill: '#d9dde3', ink: COLOURS.ink };
/** A heat-map cell that no check belongs to: paler than not evaluated, as there was nothing to evaluate. */
export const NO_CHECKS_COLOURS: PostureColours = { fill: COLOURS.track, ink: COLOURS.muted };

export function postureColours(posture: Posture | null): PostureColours {
  return posture === null ? NOT_EVALUATED_COLOURS : POSTURE_COLOURS[posture];
}

export const CODE_FONT_SIZE = 7.5;

export const DEFAULT_STYLE = { font: TEXT_FONT, fontSize: 9.5, lineHeight: 1.2, color: COLOURS.ink };

export const STYLES: StyleDictionary = {
  h1: { fontSize: 18, bold: true, color: COLOURS.accent, margin: [0, 0, 0, 10] },
  h2: { fontSize: 13, bold: true, color: COLOURS.accent, margin: [0, 14, 0, 4] },
  h3: { fontSize: 10.5, bold: true, margin: [0, 9, 0, 2] },
  paragraph: { margin: [0, 0, 0, 6] },
  muted: { color: COLOURS.muted },
  small: { fontSize: 8, color: COLOURS.muted },
  table: { fontSize: 7.5, lineHeight: 1.1, margin: [0, 4, 0, 8] },
  /** The long lists of resources (findings, appendix): a size smaller, as they run to dozens of pages. */
  resourceTable: { fontSize: 7, lineHeight: 1.1, margin: [0, 4, 0, 8] },
  tableHeader: { bold: true, fillColor: COLOURS.tableHeader },
  code: { font: MONO_FONT, fontSize: CODE_FONT_SIZE, lineHeight: 1.1 },
  identifier: { font: MONO_FONT, fontSize: 7 },
  tocSection: { fontSize: 10.5, bold: true, margin: [0, 5, 0, 0] },
  tocCheck: { fontSize: 8.5, margin: [12, 1, 0, 0] },
  tocCheckNumber: { fontSize: 8.5 },
};
