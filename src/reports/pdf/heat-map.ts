import { LAYER_LABELS, PHASE_LABELS } from '../labels';
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { type Layer, type Phase, SEVERITIES_BY_RANK } from '../../engine/model';
import type { CheckCounts } from '../../engine/scoring';
import { Posture, type MatrixCell, type ReportModel } from '../report-model';
import { formatCount, formatScore, plural } from './format';
import { paragraph, sectionTitle } from './building-blocks';
import { SECTION_TITLES } from './section-titles';
import {
  COLOURS,
  NOT_EVALUATED_COLOURS,
  POSTURE_COLOURS,
  type PostureColours,
  postureColours,
} from './theme';

const LABEL_WIDTH = 78;
const CELL_HEIGHT = 92;

/** The legend, worded as in the Markdown report. */
const LEGEND: { colours: PostureColours; label: string; meaning: string }[] = [
  { colours: POSTURE_COLOURS[Posture.Critical], label: 'Critical', meaning: 'a critical finding is open.' },
  {
    colours: POSTURE_COLOURS[Posture.Poor],
    label: 'Poor',
    meaning: 'a high-severity finding is open, or the score is below 60.',
  },
  {
    colours: POSTURE_COLOURS[Posture.Fair],
    label: 'Fair',
    meaning: 'medium-severity findings are open, or the score is below 85.',
  },
  {
    colours: POSTURE_COLOURS[Posture.Good],
    label: 'Good',
    meaning: 'a score of 85 or more, and nothing of medium severity or worse open.',
  },
  {
    colours: NOT_EVALUATED_COLOURS,
    label: 'Not evaluated or no checks',
    meaning:
      'the input did not allow evaluating any of the cell’s checks (section 7), or no check belongs to it.',
  },
];

function total(checks: CheckCounts): number {
  return checks.passed + checks.failed + checks.notEvaluated + checks.notApplicable;
}

function checksLine(checks: CheckCounts): string {
  const evaluated = checks.passed + checks.failed;
  const notEvaluated = checks.notEvaluated === 0 ? '' : `, ${formatCount(checks.notEvaluated)} not evaluated`;
  return `${formatCount(checks.failed)} of ${plural(evaluated, 'check')} failed${notEvaluated}`;
}

function cellContent(cell: MatrixCell): TableCell {
  const colours = postureColours(cell.posture);
  const small = { fontSize: 7.5 };
  if (cell.posture === null) {
    const what = total(cell.checks) === 0 ? 'no checks' : 'not evaluated';
    const detail =
      cell.checks.notEvaluated === 0
        ? []
        : [{ text: `${plural(cell.checks.notEvaluated, 'check')}`, ...small }];
    return {
      stack: [{ text: what, fontSize: 11, bold: true }, ...detail],
      fillColor: colours.fill,
      color: colours.ink,
    };
  }
  const openLines = SEVERITIES_BY_RANK.filter((severity) => cell.open[severity] > 0).map((severity) => ({
    text: `${formatCount(cell.open[severity])} ${severity}`,
    ...small,
  }));
  return {
    stack: [
      { text: formatScore(cell.score), fontSize: 17, bold: true },
      { text: checksLine(cell.checks), ...small, margin: [0, 0, 0, 2] },
      ...(openLines.length > 0 ? openLines : [{ text: 'no open finding', ...small }]),
    ],
    fillColor: colours.fill,
    color: colours.ink,
  };
}

function findCell(model: ReportModel, layer: Layer, phase: Phase): TableCell {
  const cell = model.matrix.cells.find((candidate) => candidate.layer === layer && candidate.phase === phase);
  return cell === undefined ? { text: '' } : cellContent(cell);
}

/** Layers as rows, phases as columns; each cell filled in its posture's colour (table fills are vector). */
function matrixTable(model: ReportModel): ContentTable {
  const { layers, phases } = model.matrix;
  const header: TableCell[] = [
    { text: '' },
    ...phases.map((phase) => ({ text: PHASE_LABELS[phase], bold: true, alignment: 'center' as const })),
  ];
  const rows = layers.map((layer): TableCell[] => [
    { text: LAYER_LABELS[layer], bold: true, fillColor: COLOURS.tableHeader, margin: [0, 30, 0, 0] },
    ...phases.map((phase) => findCell(model, layer, phase)),
  ]);
  return {
    table: {
      widths: [LABEL_WIDTH, '*', '*', '*', '*'],
      heights: (row: number) => (row === 0 ? 18 : CELL_HEIGHT),
      body: [header, ...rows],
    },
    layout: {
      hLineWidth: () => 2,
      vLineWidth: () => 2,
      hLineColor: () => COLOURS.white,
      vLineColor: () => COLOURS.white,
      paddingLeft: () => 7,
      paddingRight: () => 7,
      paddingTop: () => 6,
      paddingBottom: () => 6,
    },
    margin: [0, 6, 0, 10],
  };
}

function legend(): ContentTable {
  return {
    table: {
      widths: [12, '*'],
      body: LEGEND.map(({ colours, label, meaning }): TableCell[] => [
        { canvas: [{ type: 'rect', x: 0, y: 1, w: 10, h: 10, color: colours.fill }] },
        { text: [{ text: `${label}: `, bold: true }, meaning], fontSize: 8.5 },
      ]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    margin: [0, 0, 0, 10],
  };
}

export function heatMap(model: ReportModel): Content[] {
  return [
    sectionTitle(SECTION_TITLES.heatMap, 'section-heat-map'),
    paragraph(
      'Each cell is one layer (where a weakness lives) at one lifecycle phase (the earliest point where it ' +
        'should have been stopped): its score out of 100 (weighted by severity), how many of its checks ' +
        'failed, and its open findings by severity. Red cells are where immediate action is needed.',
    ),
    matrixTable(model),
    legend(),
    paragraph(
      'Scores count only evaluated checks: a check that could not be evaluated is never counted as passed.',
    ),
  ];
}
