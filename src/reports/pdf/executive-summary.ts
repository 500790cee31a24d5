import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { SEVERITIES_BY_RANK, type Severity } from '../../engine/model';
import type { SeverityCounts } from '../../engine/scoring';
import { Posture, type ReportModel } from '../report-model';
import { catalogProse, formatCount, formatDay, formatScore, plural } from './format';
import { paragraph, sectionTitle, severityLabel, subTitle } from './building-blocks';
import { SECTION_TITLES } from './section-titles';
import { COLOURS, SEVERITY_COLOURS } from './theme';

const POSTURE_TEXT: Record<Posture, { label: string; colour: string; sentence: string }> = {
  [Posture.Critical]: {
    label: 'Critical',
    colour: SEVERITY_COLOURS.critical,
    sentence:
      'Open critical findings give an attacker a direct path to the nodes or the cluster: fix them first.',
  },
  [Posture.Poor]: {
    label: 'Poor',
    colour: SEVERITY_COLOURS.high,
    sentence: 'No critical finding is open, but high-severity findings or a low score leave serious gaps.',
  },
  [Posture.Fair]: {
    label: 'Fair',
    colour: SEVERITY_COLOURS.medium,
    sentence: 'The main controls are in place; the remaining findings are worth planning.',
  },
  [Posture.Good]: {
    label: 'Good',
    colour: '#1a9850',
    sentence: 'The cluster follows the assessed practices, with few and minor findings.',
  },
};

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

/** Open findings by severity: a vector bar chart with the counts beside it. */
export function severityChart(open: SeverityCounts): ContentTable {
  const max = Math.max(...SEVERITIES_BY_RANK.map((severity) => open[severity]));
  return {
    table: {
      widths: [50, BAR_WIDTH, '*'],
      body: SEVERITIES_BY_RANK.map((severity): TableCell[] => [
        severityLabel(severity),
        bar(open[severity], max, severity),
        { text: formatCount(open[severity]), bold: true },
      ]),
    },
    layout: { ...noLines, paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 4, 0, 8],
  };
}

const noLines = { hLineWidth: () => 0, vLineWidth: () => 0 };

function postureBox(model: ReportModel): ContentTable {
  const posture = POSTURE_TEXT[model.executive.posture];
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              {
                text: [{ text: 'Overall posture: ' }, { text: posture.label, color: posture.colour }],
                fontSize: 15,
                bold: true,
              },
              { text: posture.sentence, margin: [0, 3, 0, 3] },
              { text: `Score ${formatScore(model.executive.score)} out of 100`, style: 'muted' },
            ],
            fillColor: COLOURS.groupRow,
            margin: [8, 8, 8, 8],
          },
        ],
      ],
    },
    layout: {
      ...noLines,
      vLineWidth: (column: number) => (column === 0 ? 4 : 0),
      vLineColor: () => posture.colour,
    },
    margin: [0, 0, 0, 10],
  };
}

function topRisks(model: ReportModel): Content[] {
  if (model.executive.topRisks.length === 0) {
    return [paragraph('No check failed: there is no open risk to rank.')];
  }
  return [
    {
      ol: model.executive.topRisks.map((risk) => ({
        stack: [
          {
            text: [
              { text: risk.check.title, bold: true },
              ' — ',
              severityLabel(risk.check.severity),
              `, ${plural(risk.open, 'resource')} affected`,
            ],
          },
          { text: catalogProse(risk.check.rationale), style: 'muted', margin: [0, 1, 0, 5] },
        ],
      })),
      margin: [0, 2, 0, 4],
    },
  ];
}

function changes(model: ReportModel): Content {
  const changes = model.executive.changes;
  if (changes === undefined) {
    return paragraph('There is no previous assessment of this cluster to compare with.');
  }
  return paragraph(
    `Compared with the assessment of ${formatDay(changes.againstDate)}: ${formatCount(changes.new)} new, ` +
      `${formatCount(changes.fixed)} fixed, ${formatCount(changes.persisting)} persisting and ` +
      `${formatCount(changes.regressed)} regressed findings. ${formatCount(changes.notAssessed)} earlier ` +
      'findings could not be judged this time and are not counted as fixed.',
  );
}

export function executiveSummary(model: ReportModel): Content[] {
  const { executive } = model;
  const openTotal = SEVERITIES_BY_RANK.reduce((sum, severity) => sum + executive.open[severity], 0);
  return [
    sectionTitle(SECTION_TITLES.executive, 'section-executive'),
    postureBox(model),
    subTitle('Open findings by severity'),
    severityChart(executive.open),
    paragraph(
      `${plural(openTotal, 'open finding')}; ${formatCount(executive.accepted)} accepted as risks and ` +
        `${formatCount(executive.falsePositives)} marked as false positives (see section 8).`,
    ),
    subTitle('The most important risks'),
    ...topRisks(model),
    subTitle('Since the previous assessment'),
    changes(model),
  ];
}
