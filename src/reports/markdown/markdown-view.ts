import { FRAMEWORK_NAMES, LAYER_LABELS, PHASE_LABELS, PRINCIPLE_LABELS, SEVERITY_LABELS } from '../labels';
import { SEVERITIES_BY_RANK, Severity } from '../../engine/model';
import type { CheckCounts, SeverityCounts } from '../../engine/scoring';
import type { Posture, ReportModel, Risk, TriageEntry } from '../report-model';
import { codeSpan, fencedBlock, type Markdown, trustedMarkdown } from './markdown-escape';
import {
  countText,
  dateTime,
  day,
  NOT_EVALUATED_ICON,
  openText,
  placeText,
  POSTURE_ICONS,
  POSTURE_LABELS,
  referencesText,
  resourceText,
  scoreText,
  sourceText,
} from './report-text';

/**
 * What the Markdown templates show, in the model's order: labels, dates and numbers formatted, nothing
 * selected or sorted. Plain strings are text (the templates' `<%= %>` escapes them); fields ending in `Md` are
 * Markdown built by `markdown-escape` (the templates' `<%~ %>` outputs them as they are).
 */
export interface MarkdownView {
  cover: {
    consultancy: string;
    client: string;
    engagement: string | null;
    cluster: string;
    clusterDetails: string | null;
    assessedOn: string;
    reportId: string;
    confidentiality: string;
  };
  executive: {
    posture: Posture;
    postureLabel: string;
    postureIcon: string;
    score: string;
    open: SeverityRow;
    accepted: number;
    falsePositives: number;
    topRisks: RiskView[];
    changes: ReportChangesView | null;
  };
  heatMap: { phases: string[]; rows: { layer: string; cells: string[] }[] };
  principles: PartView[];
  frameworks: FrameworkView[];
  findings: CheckView[];
  remediation: { quickWins: PlanItemView[]; structural: PlanItemView[] };
  limitations: LimitationsView;
  triage: {
    accepted: TriageView[];
    falsePositives: TriageView[];
    expiredExceptions: string[];
  };
  appendix: { total: number; rows: AppendixRowView[]; hasSources: boolean };
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
  severity: string;
  open: number;
  rationaleMd: Markdown;
  fixMd: Markdown;
}

interface ReportChangesView {
  againstDate: string;
  new: number;
  fixed: number;
  persisting: number;
  regressed: number;
  notAssessed: number;
}

interface PartView {
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

interface FrameworkView {
  name: string;
  passed: number;
  failed: number;
  notEvaluated: number;
  notApplicable: number;
  passRate: string;
}

interface ResourceView {
  resource: string;
  container: string;
  message: string;
  evidenceMd: Markdown;
  source: string;
}

interface CheckView {
  number: number;
  title: string;
  idMd: Markdown;
  severity: string;
  place: string;
  principles: string;
  references: string;
  open: number;
  rationaleMd: Markdown;
  fixMd: Markdown;
  resources: ResourceView[];
  /** Whether any resource came from a file (manifests); live clusters have no source column. */
  hasSources: boolean;
  truncated: number;
}

interface PlanItemView {
  number: number;
  title: string;
  idMd: Markdown;
  severity: string;
  place: string;
  open: number;
  fixMd: Markdown;
  patchMd: Markdown | null;
}

interface LimitationsView {
  checkStatuses: { passed: number; failed: number; notEvaluated: number; notApplicable: number };
  exempted: number;
  gaps: { kind: string; reason: string; checks: string }[];
  notEvaluated: { idMd: Markdown; title: string; severity: string; reason: string }[];
  inputErrors: { location: string; code: string; message: string }[];
}

interface TriageView {
  checkMd: Markdown;
  title: string;
  resource: string;
  container: string;
  justification: string;
  expires: string;
  decision: string;
}

interface AppendixRowView {
  number: number;
  severity: string;
  checkMd: Markdown;
  resource: string;
  container: string;
  message: string;
  source: string;
}

function severityRow(counts: SeverityCounts): SeverityRow {
  return { ...counts, total: SEVERITIES_BY_RANK.reduce((sum, severity) => sum + counts[severity], 0) };
}

/** A check id in a table cell, in code font. */
function checkId(id: string): Markdown {
  return codeSpan(id, { inTable: true });
}

function heatCell(cell: ReportModel['matrix']['cells'][number]): string {
  const { passed, failed, notEvaluated, notApplicable } = cell.checks;
  if (passed + failed + notEvaluated + notApplicable === 0) {
    return '— no checks';
  }
  if (cell.posture === null) {
    return `${NOT_EVALUATED_ICON} not evaluated`;
  }
  const open = severityRow(cell.open);
  const worst = [Severity.Critical, Severity.High]
    .filter((severity) => open[severity] > 0)
    .map((severity) => `${countText(open[severity])} ${severity}`);
  const detail = worst.length > 0 ? ` (${worst.join(', ')})` : '';
  return `${POSTURE_ICONS[cell.posture]} ${scoreText(cell.score)} · ${countText(open.total)} open${detail}`;
}

function heatMap(matrix: ReportModel['matrix']): MarkdownView['heatMap'] {
  return {
    phases: matrix.phases.map((phase) => PHASE_LABELS[phase]),
    rows: matrix.layers.map((layer) => ({
      layer: LAYER_LABELS[layer],
      cells: matrix.phases.map((phase) =>
        heatCell(matrix.cells.find((cell) => cell.layer === layer && cell.phase === phase)!),
      ),
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

function principles(model: ReportModel): PartView[] {
  return model.principles.map((part) => ({
    name: PRINCIPLE_LABELS[part.principle],
    icon: part.posture === null ? NOT_EVALUATED_ICON : POSTURE_ICONS[part.posture],
    rating: part.posture === null ? 'Not evaluated' : POSTURE_LABELS[part.posture],
    score: scoreText(part.score),
    ...checkCounts(part.checks),
    open: openText(part.open),
  }));
}

function frameworks(model: ReportModel): FrameworkView[] {
  return model.frameworks.map((entry) => ({
    name: FRAMEWORK_NAMES[entry.framework],
    ...checkCounts(entry.checks),
    passRate: entry.passRate === null ? 'n/a' : `${Math.round(entry.passRate * 100)} %`,
  }));
}

function risk(entry: Risk, index: number): RiskView {
  return {
    number: index + 1,
    title: entry.check.title,
    idMd: codeSpan(entry.check.id, { inTable: false }),
    severity: SEVERITY_LABELS[entry.check.severity],
    open: entry.open,
    rationaleMd: trustedMarkdown(entry.check.rationale),
    fixMd: trustedMarkdown(entry.check.remediation.text),
  };
}

function findings(model: ReportModel): CheckView[] {
  return model.findings.map((section, index) => ({
    number: index + 1,
    title: section.check.title,
    idMd: codeSpan(section.check.id, { inTable: false }),
    severity: SEVERITY_LABELS[section.check.severity],
    place: placeText(section.check),
    principles: section.check.principles.map((principle) => PRINCIPLE_LABELS[principle]).join(', '),
    references: referencesText(section.check.references),
    open: section.open,
    rationaleMd: trustedMarkdown(section.check.rationale),
    fixMd: trustedMarkdown(section.check.remediation.text),
    resources: section.resources.map((affected) => ({
      resource: resourceText(affected.resource),
      container: affected.container ?? '',
      message: affected.message,
      evidenceMd: codeSpan(affected.evidencePath, { inTable: true }),
      source: sourceText(affected.source),
    })),
    hasSources: section.resources.some((affected) => affected.source !== undefined),
    truncated: section.truncated,
  }));
}

function planItems(risks: readonly Risk[]): PlanItemView[] {
  return risks.map((entry, index) => ({
    number: index + 1,
    title: entry.check.title,
    idMd: codeSpan(entry.check.id, { inTable: false }),
    severity: SEVERITY_LABELS[entry.check.severity],
    place: placeText(entry.check),
    open: entry.open,
    fixMd: trustedMarkdown(entry.check.remediation.text),
    patchMd:
      entry.check.remediation.patch.trim() === '' ? null : fencedBlock(entry.check.remediation.patch, 'yaml'),
  }));
}

function limitations(model: ReportModel): LimitationsView {
  const statuses = model.limitations.checkStatuses;
  return {
    checkStatuses: {
      passed: statuses.passed,
      failed: statuses.failed,
      notEvaluated: statuses.not_evaluated,
      notApplicable: statuses.not_applicable,
    },
    exempted: model.limitations.exempted,
    gaps: model.limitations.gaps.map((gap) => ({
      kind: gap.kind,
      reason: gap.reason,
      checks: gap.checks.join(', '),
    })),
    notEvaluated: model.limitations.notEvaluated.map((entry) => ({
      idMd: checkId(entry.check.id),
      title: entry.check.title,
      severity: SEVERITY_LABELS[entry.check.severity],
      reason: entry.reason,
    })),
    inputErrors: model.limitations.inputErrors.map((error) => ({
      location: `${error.file ?? ''}${error.line !== undefined ? `:${error.line}` : ''}`,
      code: error.code,
      message: error.message,
    })),
  };
}

function triage(entry: TriageEntry): TriageView {
  return {
    checkMd: checkId(entry.checkId),
    title: entry.check?.title ?? '',
    resource: resourceText(entry.resource),
    container: entry.container ?? '',
    justification: entry.justification,
    expires: entry.expiresAt ? day(entry.expiresAt) : 'never',
    decision: entry.byException ? 'exception (waiver file)' : 'consultant',
  };
}

/** The model as the Markdown templates show it. */
export function markdownView(model: ReportModel): MarkdownView {
  const { cover, executive } = model;
  const details = [cover.cluster.version, cover.cluster.platform].filter(Boolean).join(', ');
  return {
    cover: {
      consultancy: cover.consultancy.name,
      client: cover.client,
      engagement: cover.engagement ?? null,
      cluster: cover.cluster.name,
      clusterDetails: details === '' ? null : details,
      assessedOn: dateTime(cover.assessedAt),
      reportId: cover.reportId,
      confidentiality: cover.confidentiality,
    },
    executive: {
      posture: executive.posture,
      postureLabel: POSTURE_LABELS[executive.posture],
      postureIcon: POSTURE_ICONS[executive.posture],
      score: scoreText(executive.score),
      open: severityRow(executive.open),
      accepted: executive.accepted,
      falsePositives: executive.falsePositives,
      topRisks: executive.topRisks.map(risk),
      changes: executive.changes
        ? { ...executive.changes, againstDate: day(executive.changes.againstDate) }
        : null,
    },
    heatMap: heatMap(model.matrix),
    principles: principles(model),
    frameworks: frameworks(model),
    findings: findings(model),
    remediation: {
      quickWins: planItems(model.remediation.quickWins),
      structural: planItems(model.remediation.structural),
    },
    limitations: limitations(model),
    triage: {
      accepted: model.triage.accepted.map(triage),
      falsePositives: model.triage.falsePositives.map(triage),
      expiredExceptions: model.triage.expiredExceptions,
    },
    appendix: {
      total: model.appendix.length,
      rows: model.appendix.map((entry, index) => ({
        number: index + 1,
        severity: SEVERITY_LABELS[entry.severity],
        checkMd: checkId(entry.checkId),
        resource: resourceText(entry.resource),
        container: entry.container ?? '',
        message: entry.message,
        source: sourceText(entry.source),
      })),
      hasSources: model.appendix.some((entry) => entry.source !== undefined),
    },
  };
}
