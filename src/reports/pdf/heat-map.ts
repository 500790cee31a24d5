import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { type Layer, type Phase, SEVERITIES_BY_RANK } from '../../engine/model';
import type { CheckCounts } from '../../engine/scoring';
import type { MatrixCell, Posture, ReportModel } from '../report-model';
import { countText, plural, scoreText } from '../text/format';
import { CellState, HEAT_MAP_INTRO, HEAT_MAP_LEGEND } from '../text/heat-map';
import { LAYER_LABELS, NO_CHECKS, NOT_EVALUATED, PHASE_LABELS } from '../text/labels';
import { SECTION_TITLES } from '../text/sections';
import { paragraph, sectionTitle } from './building-blocks';
import { proseRuns } from './prose';
import {
  COLOURS,
  NO_CHECKS_COLOURS,
  NOT_EVALUATED_COLOURS,
  POSTURE_COLOURS,
  type PostureColours,
  postureColours,
} from './theme';

const LABEL_WIDTH = 78;
const CELL_HEIGHT = 92;

const LEGEND_COLOURS: Record<Posture | CellState, PostureColours> = {
  ...POSTURE_COLOURS,
  [CellState.NotEvaluated]: NOT_EVALUATED_COLOURS,
  [CellState.NoChecks]: NO_CHECKS_COLOURS,
};

function total(checks: CheckCounts): number {
  return checks.passed + checks.failed + checks.notEvaluated + checks.notApplicable;
}

function checksLine(checks: CheckCounts): string {
  const evaluated = checks.passed + checks.failed;
  const notEvaluated =
    checks.notEvaluated === 0 ? '' : `, ${countText(checks.notEvaluated)} ${NOT_EVALUATED.toLowerCase()}`;
  return `${countText(checks.failed)} of ${plural(evaluated, 'check')} failed${notEvaluated}`;
}

function cellContent(cell: MatrixCell): TableCell {
  const small = { fontSize: 7.5 };
  if (cell.posture === null) {
    const noChecks = total(cell.checks) === 0;
    const colours = noChecks ? NO_CHECKS_COLOURS : NOT_EVALUATED_COLOURS;
    const detail =
      cell.checks.notEvaluated === 0 ? [] : [{ text: plural(cell.checks.notEvaluated, 'check'), ...small }];
    return {
      stack: [
        { text: (noChecks ? NO_CHECKS : NOT_EVALUATED).toLowerCase(), fontSize: 11, bold: true },
        ...detail,
      ],
      fillColor: colours.fill,
      color: colours.ink,
    };
  }
  const colours = postureColours(cell.posture);
  const openLines = SEVERITIES_BY_RANK.filter((severity) => cell.open[severity] > 0).map((severity) => ({
    text: `${countText(cell.open[severity])} ${severity}`,
    ...small,
  }));
  return {
    stack: [
      { text: scoreText(cell.score), fontSize: 17, bold: true },
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
      body: HEAT_MAP_LEGEND.map(({ state, label, meaning }): TableCell[] => [
        {
          canvas: [
            {
              type: 'rect',
              x: 0,
              y: 1,
              w: 10,
              h: 10,
              color: LEGEND_COLOURS[state].fill,
              lineColor: COLOURS.rule,
              lineWidth: 0.5,
            },
          ],
        },
        { text: [{ text: `${label}: `, bold: true }, ...proseRuns(meaning)], fontSize: 8.5 },
      ]),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    margin: [0, 0, 0, 10],
  };
}

export function heatMap(model: ReportModel): Content[] {
  return [
    sectionTitle(SECTION_TITLES.heatMap, 'section-heat-map'),
    paragraph(proseRuns(HEAT_MAP_INTRO)),
    matrixTable(model),
    legend(),
  ];
}
