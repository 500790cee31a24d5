import { SEVERITIES_BY_RANK, Severity } from '../../engine/model';
import type { CheckCounts, SeverityCounts } from '../../engine/scoring';
import type { MatrixCell, Posture, ReportModel, Risk } from '../report-model';
import {
  CHANGES,
  comparedWith,
  NO_OPEN_FINDING,
  notCountedAsOpen,
  OVERALL_POSTURE,
  POSTURE_SUMMARIES,
  riskExtent,
  scoreOutOf100,
  TOP_RISKS,
  NO_PREVIOUS_ASSESSMENT,
  WHAT_TO_DO,
} from '../text/executive-summary';
import { countText, rateText, scoreText } from '../text/format';
import { CellState, HEAT_MAP_INTRO, HEAT_MAP_LEGEND } from '../text/heat-map';
import {
  COVER_LABELS,
  FRAMEWORK_NAMES,
  LAYER_LABELS,
  NO_CHECKS,
  NOT_EVALUATED,
  PHASE_LABELS,
  POSTURE_LABELS,
  PRINCIPLE_LABELS,
} from '../text/labels';
import { FRAMEWORKS_INTRO, PRINCIPLES_INTRO } from '../text/principles-and-frameworks';
import { CONTENTS_TITLE, REPORT_TITLE, SECTION_TITLES } from '../text/sections';
import { dateTime, day, NO_CHECKS_ICON, NOT_EVALUATED_ICON, openText, POSTURE_ICONS } from './format';
import { codeSpan, escapeText, type Markdown, trustedMarkdown } from './markdown-escape';
import { headingLinkMd, listItemMd, proseMd } from './prose-markdown';

// The report's first sections as the Markdown templates show them. Plain strings are text (the templates'
// `<%= %>` escapes them); fields ending in `Md` are Markdown built by `markdown-escape` or `prose-markdown`.

export interface CoverView {
  titleMd: Markdown;
  labels: typeof COVER_LABELS;
  consultancy: string;
  client: string;
  engagement: string | null;
  cluster: string;
  clusterDetails: string | null;
  assessedOn: string;
  reportId: string;
  confidentiality: string;
}

export interface SeverityRow {
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  total: number;
}

interface RiskView {
  number: number;
  title: string;
  idMd: Markdown;
  extentMd: Markdown;
  rationaleMd: Markdown;
  whatToDoMd: Markdown;
}

export interface ExecutiveView {
  titleMd: Markdown;
  posture: Posture;
  postureLabel: string;
  postureIcon: string;
  headlineMd: Markdown;
  scoreMd: Markdown;
  summaryMd: Markdown;
  open: SeverityRow;
  notCountedMd: Markdown;
  topRisksTitleMd: Markdown;
  noOpenFindingMd: Markdown;
  topRisks: RiskView[];
  changesTitleMd: Markdown;
  changesMd: Markdown;
}

export interface HeatMapView {
  titleMd: Markdown;
  introMd: Markdown;
  phases: string[];
  rows: { layer: string; cells: string[] }[];
  legend: { icon: string; label: string; meaningMd: Markdown }[];
}

export interface PartView {
  name: string;
  icon: string;
  rating: string;
  score: string;
  passed: number;
  failed: number;
  notEvaluated: number;
  notApplicable: number;
  open: string;
}

export interface FrameworkView {
  name: string;
  passed: number;
  failed: number;
  notEvaluated: number;
  notApplicable: number;
  passRate: string;
}

export interface TableSectionView<Row> {
  titleMd: Markdown;
  introMd: Markdown;
  rows: Row[];
}

export function coverView(model: ReportModel): CoverView {
  const { cover } = model;
  const details = [cover.cluster.version, cover.cluster.platform].filter(Boolean).join(', ');
  return {
    titleMd: proseMd(REPORT_TITLE),
    labels: COVER_LABELS,
    consultancy: cover.consultancy.name,
    client: cover.client,
    engagement: cover.engagement ?? null,
    cluster: cover.cluster.name,
    clusterDetails: details === '' ? null : details,
    assessedOn: dateTime(cover.assessedAt),
    reportId: cover.reportId,
    confidentiality: cover.confidentiality,
  };
}

export function contentsView(): { titleMd: Markdown; entries: { linkMd: Markdown }[] } {
  return {
    titleMd: proseMd(CONTENTS_TITLE),
    entries: Object.values(SECTION_TITLES).map((title) => ({ linkMd: headingLinkMd(title) })),
  };
}

function severityRow(counts: SeverityCounts): SeverityRow {
  return { ...counts, total: SEVERITIES_BY_RANK.reduce((sum, severity) => sum + counts[severity], 0) };
}

function risk(entry: Risk, index: number): RiskView {
  return {
    number: index + 1,
    title: entry.check.title,
    idMd: codeSpan(entry.check.id, { inTable: false }),
    extentMd: proseMd(riskExtent(entry.check.severity, entry.open)),
    rationaleMd: trustedMarkdown(entry.check.rationale),
    whatToDoMd: trustedMarkdown(`**${WHAT_TO_DO}** ${entry.check.remediation.text}`),
  };
}

export function executiveView(model: ReportModel): ExecutiveView {
  const { executive } = model;
  return {
    titleMd: proseMd(SECTION_TITLES.executive),
    posture: executive.posture,
    postureLabel: POSTURE_LABELS[executive.posture],
    postureIcon: POSTURE_ICONS[executive.posture],
    headlineMd: proseMd(OVERALL_POSTURE),
    scoreMd: proseMd(scoreOutOf100(escapeText(scoreText(executive.score)))),
    summaryMd: proseMd(POSTURE_SUMMARIES[executive.posture]),
    open: severityRow(executive.open),
    notCountedMd: proseMd(notCountedAsOpen(executive.accepted, executive.falsePositives)),
    topRisksTitleMd: proseMd(TOP_RISKS),
    noOpenFindingMd: proseMd(NO_OPEN_FINDING),
    topRisks: executive.topRisks.map(risk),
    changesTitleMd: proseMd(CHANGES),
    changesMd: proseMd(
      executive.changes
        ? comparedWith(escapeText(day(executive.changes.againstDate)), executive.changes)
        : NO_PREVIOUS_ASSESSMENT,
    ),
  };
}

const LEGEND_ICONS: Record<Posture | CellState, string> = {
  ...POSTURE_ICONS,
  [CellState.NotEvaluated]: NOT_EVALUATED_ICON,
  [CellState.NoChecks]: NO_CHECKS_ICON,
};

function checkTotal(checks: CheckCounts): number {
  return checks.passed + checks.failed + checks.notEvaluated + checks.notApplicable;
}

function heatCell(cell: MatrixCell): string {
  if (checkTotal(cell.checks) === 0) {
    return `${NO_CHECKS_ICON} ${NO_CHECKS.toLowerCase()}`;
  }
  if (cell.posture === null) {
    return `${NOT_EVALUATED_ICON} ${NOT_EVALUATED.toLowerCase()}`;
  }
  const open = severityRow(cell.open);
  const worst = [Severity.Critical, Severity.High]
    .filter((severity) => open[severity] > 0)
    .map((severity) => `${countText(open[severity])} ${severity}`);
  const detail = worst.length > 0 ? ` (${worst.join(', ')})` : '';
  return `${POSTURE_ICONS[cell.posture]} ${scoreText(cell.score)} · ${countText(open.total)} open${detail}`;
}

export function heatMapView(matrix: ReportModel['matrix']): HeatMapView {
  return {
    titleMd: proseMd(SECTION_TITLES.heatMap),
    introMd: proseMd(HEAT_MAP_INTRO),
    phases: matrix.phases.map((phase) => PHASE_LABELS[phase]),
    rows: matrix.layers.map((layer) => ({
      layer: LAYER_LABELS[layer],
      cells: matrix.phases.map((phase) =>
        heatCell(matrix.cells.find((cell) => cell.layer === layer && cell.phase === phase)!),
      ),
    })),
    legend: HEAT_MAP_LEGEND.map((entry) => ({
      icon: LEGEND_ICONS[entry.state],
      label: entry.label,
      meaningMd: listItemMd(entry.meaning),
    })),
  };
}

function checkCounts(checks: CheckCounts) {
  return {
    passed: checks.passed,
    failed: checks.failed,
    notEvaluated: checks.notEvaluated,
    notApplicable: checks.notApplicable,
  };
}

export function principlesView(model: ReportModel): TableSectionView<PartView> {
  return {
    titleMd: proseMd(SECTION_TITLES.principles),
    introMd: proseMd(PRINCIPLES_INTRO),
    rows: model.principles.map((part) => ({
      name: PRINCIPLE_LABELS[part.principle],
      icon: part.posture === null ? NOT_EVALUATED_ICON : POSTURE_ICONS[part.posture],
      rating: part.posture === null ? NOT_EVALUATED : POSTURE_LABELS[part.posture],
      score: scoreText(part.score),
      ...checkCounts(part.checks),
      open: openText(part.open),
    })),
  };
}

export function frameworksView(model: ReportModel): TableSectionView<FrameworkView> {
  return {
    titleMd: proseMd(SECTION_TITLES.frameworks),
    introMd: proseMd(FRAMEWORKS_INTRO),
    rows: model.frameworks.map((entry) => ({
      name: FRAMEWORK_NAMES[entry.framework],
      ...checkCounts(entry.checks),
      passRate: rateText(entry.passRate),
    })),
  };
}
