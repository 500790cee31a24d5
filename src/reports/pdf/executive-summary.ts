import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { SEVERITIES_BY_RANK, type Severity } from '../../engine/model';
import type { SeverityCounts } from '../../engine/scoring';
import { Posture, type ReportModel } from '../report-model';
import {
  CHANGES,
  comparedWith,
  NO_OPEN_FINDING,
  NO_PREVIOUS_ASSESSMENT,
  notCountedAsOpen,
  OVERALL_POSTURE,
  POSTURE_SUMMARIES,
  riskExtent,
  scoreOutOf100,
  TOP_RISKS,
  WHAT_TO_DO,
} from '../text/executive-summary';
import { countText, scoreText } from '../text/format';
import { POSTURE_LABELS } from '../text/labels';
import { SECTION_TITLES } from '../text/sections';
import { paragraph, sectionTitle, severityLabel, subTitle } from './building-blocks';
import { formatDay } from './format';
import { proseRuns } from './prose';
import { COLOURS, POSTURE_COLOURS, SEVERITY_COLOURS } from './theme';

const BAR_WIDTH = 220;
const BAR_HEIGHT = 11;

function bar(count: number, max: number, severity: Severity): Content {
  const width = max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round((count / max) * BAR_WIDTH * 10) / 10);
  return {
    canvas: [
      { type: 'rect', x: 0, y: 1, w: BAR_WIDTH, h: BAR_HEIGHT, color: COLOURS.track },
      ...(width > 0
        ? [{ type: 'rect' as const, x: 0, y: 1, w: width, h: BAR_HEIGHT, color: SEVERITY_COLOURS[severity] }]
        : []),
    ],
  };
}

const noLines = { hLineWidth: () => 0, vLineWidth: () => 0 };

/** Open findings by severity: a vector bar chart with the counts beside it. */
export function severityChart(open: SeverityCounts): ContentTable {
  const max = Math.max(...SEVERITIES_BY_RANK.map((severity) => open[severity]));
  return {
    table: {
      widths: [50, BAR_WIDTH, '*'],
      body: SEVERITIES_BY_RANK.map((severity): TableCell[] => [
        severityLabel(severity),
        bar(open[severity], max, severity),
        { text: countText(open[severity]), bold: true },
      ]),
    },
    layout: { ...noLines, paddingTop: () => 1.5, paddingBottom: () => 1.5 },
    margin: [0, 4, 0, 8],
  };
}

/** The posture word's colour: the severity that sets the posture, and the heat map's green for good. */
const POSTURE_INK: Record<Posture, string> = {
  [Posture.Critical]: SEVERITY_COLOURS.critical,
  [Posture.Poor]: SEVERITY_COLOURS.high,
  [Posture.Fair]: SEVERITY_COLOURS.medium,
  [Posture.Good]: POSTURE_COLOURS[Posture.Good].fill,
};

function postureBox(model: ReportModel): ContentTable {
  const { posture, score } = model.executive;
  const colour = POSTURE_INK[posture];
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              {
                text: [
                  { text: `${OVERALL_POSTURE}: ` },
                  { text: POSTURE_LABELS[posture], color: colour },
                  { text: `, ${scoreOutOf100(scoreText(score))}.`, fontSize: 10.5, bold: false },
                ],
                fontSize: 15,
                bold: true,
              },
              { text: proseRuns(POSTURE_SUMMARIES[posture]), margin: [0, 4, 0, 0] },
            ],
            fillColor: COLOURS.groupRow,
            margin: [8, 8, 8, 8],
          },
        ],
      ],
    },
    layout: { ...noLines, vLineWidth: (column: number) => (column === 0 ? 4 : 0), vLineColor: () => colour },
    margin: [0, 0, 0, 10],
  };
}

function topRisks(model: ReportModel): Content[] {
  if (model.executive.topRisks.length === 0) {
    return [paragraph(NO_OPEN_FINDING)];
  }
  return [
    {
      ol: model.executive.topRisks.map((risk) => ({
        stack: [
          {
            // The check's id is left to its section (linked from the contents): this page is for executives.
            text: [
              { text: risk.check.title, bold: true },
              ': ',
              ...proseRuns(riskExtent(risk.check.severity, risk.open)),
              '.',
            ],
          },
          { text: proseRuns(risk.check.rationale), style: 'muted', fontSize: 8, margin: [0, 1, 0, 1] },
          {
            text: [{ text: `${WHAT_TO_DO} `, bold: true }, ...proseRuns(risk.check.remediation.text)],
            fontSize: 8,
            margin: [0, 0, 0, 4],
          },
        ],
      })),
      margin: [0, 2, 0, 4],
    },
  ];
}

export function executiveSummary(model: ReportModel): Content[] {
  const { executive } = model;
  return [
    sectionTitle(SECTION_TITLES.executive, 'section-executive'),
    postureBox(model),
    severityChart(executive.open),
    paragraph(proseRuns(notCountedAsOpen(executive.accepted, executive.falsePositives))),
    subTitle(TOP_RISKS),
    ...topRisks(model),
    subTitle(CHANGES),
    paragraph(
      proseRuns(
        executive.changes === undefined
          ? NO_PREVIOUS_ASSESSMENT
          : comparedWith(formatDay(executive.changes.againstDate), executive.changes),
      ),
    ),
  ];
}
