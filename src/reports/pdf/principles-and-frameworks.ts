import type { Content, TableCell } from 'pdfmake/interfaces';
import { SEVERITIES_BY_RANK } from '../../engine/model';
import type { ReportModel } from '../report-model';
import { countText, rateText, scoreText } from '../text/format';
import { FRAMEWORK_NAMES, PRINCIPLE_LABELS, SEVERITY_LABELS } from '../text/labels';
import { FRAMEWORKS_INTRO, PRINCIPLES_INTRO } from '../text/principles-and-frameworks';
import { SECTION_TITLES } from '../text/sections';
import { type HeaderCell, dataTable, paragraph, sectionTitle } from './building-blocks';
import { proseRuns } from './prose';
import { COLOURS, postureColours } from './theme';

const GAUGE_WIDTH = 60;

/** A score (0–100) as a small filled bar, with the number beside it. */
function gauge(score: number | null, text: string, fill: string): TableCell {
  const width =
    score === null ? 0 : Math.round((Math.min(Math.max(score, 0), 100) / 100) * GAUGE_WIDTH * 10) / 10;
  return {
    columns: [
      {
        width: GAUGE_WIDTH,
        canvas: [
          { type: 'rect', x: 0, y: 1.5, w: GAUGE_WIDTH, h: 7, color: COLOURS.track },
          ...(width > 0 ? [{ type: 'rect' as const, x: 0, y: 1.5, w: width, h: 7, color: fill }] : []),
        ],
      },
      { width: '*', text, bold: true },
    ],
    columnGap: 4,
  };
}

/** A short section follows the previous one on its page when it fits whole, else starts the next page. */
function keptTogether(content: Content[]): Content[] {
  return [{ stack: content, unbreakable: true, margin: [0, 16, 0, 0] }];
}

const right = (text: string): HeaderCell => ({ text, alignment: 'right' });

function count(value: number): TableCell {
  return { text: value === 0 ? '–' : countText(value), alignment: 'right' };
}

export function principles(model: ReportModel): Content[] {
  const rows = model.principles.map((entry): TableCell[] => [
    { text: PRINCIPLE_LABELS[entry.principle], bold: true },
    gauge(entry.score, scoreText(entry.score), postureColours(entry.posture).fill),
    count(entry.checks.passed),
    count(entry.checks.failed),
    count(entry.checks.notEvaluated),
    ...SEVERITIES_BY_RANK.map((severity) => count(entry.open[severity])),
  ]);
  return keptTogether([
    sectionTitle(SECTION_TITLES.principles, 'section-principles', false),
    paragraph(proseRuns(PRINCIPLES_INTRO)),
    dataTable(
      [72, 84, 30, 30, 36, 30, 30, 30, 30, '*'],
      [
        'Principle',
        'Score',
        right('Passed'),
        right('Failed'),
        right('Not eval.'),
        ...SEVERITIES_BY_RANK.map((severity) => right(SEVERITY_LABELS[severity])),
      ],
      rows,
    ),
    { text: 'Check counts, then open findings by severity.', style: 'small' },
  ]);
}

export function frameworks(model: ReportModel): Content[] {
  const rows = model.frameworks.map((entry): TableCell[] => [
    { text: FRAMEWORK_NAMES[entry.framework], bold: true },
    count(entry.checks.passed),
    count(entry.checks.failed),
    count(entry.checks.notEvaluated),
    count(entry.checks.notApplicable),
    gauge(entry.passRate === null ? null : entry.passRate * 100, rateText(entry.passRate), COLOURS.accent),
  ]);
  return keptTogether([
    sectionTitle(SECTION_TITLES.frameworks, 'section-frameworks', false),
    paragraph(proseRuns(FRAMEWORKS_INTRO)),
    dataTable(
      [150, 40, 40, 55, 60, '*'],
      [
        'Framework',
        right('Passed'),
        right('Failed'),
        right('Not evaluated'),
        right('Not applicable'),
        'Pass rate',
      ],
      rows,
    ),
  ]);
}
