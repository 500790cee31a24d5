import type { PlanItem, ReportModel, TriageEntry } from '../report-model';
import { NO_OPEN_FINDING } from '../text/executive-summary';
import {
  AppendixScope,
  appendixIntro,
  FIX,
  findingsIntro,
  moreResources,
  NO_FAILED_CHECK,
  openFindings,
  REFERENCES,
} from '../text/findings';
import { placeText, referencesText, sourceText } from '../text/format';
import { NONE, PRINCIPLE_LABELS, SEVERITY_LABELS } from '../text/labels';
import {
  ACCEPTED_RISKS,
  CHECKS_NOT_EVALUATED,
  checkResults,
  COVERAGE_GAPS,
  COVERAGE_GAPS_INTRO,
  decidedBy,
  EXPIRED_EXCEPTIONS,
  EXPIRED_EXCEPTIONS_INTRO,
  FALSE_POSITIVES,
  INPUT_ERRORS,
  INPUT_ERRORS_INTRO,
  limits,
  LIMITS,
  NO_COVERAGE_GAP,
  NO_EXPIRY,
  NO_INPUT_ERROR,
  TRIAGE_INTRO,
} from '../text/limitations-and-triage';
import {
  planItemNumbers,
  QUICK_WINS,
  REMEDIATION_INTRO,
  samePatchAs,
  STRUCTURAL_WORK,
} from '../text/remediation-plan';
import { SECTION_TITLES } from '../text/sections';
import { day, resourceText } from './format';
import { codeSpan, escapeText, fencedBlock, type Markdown, trustedMarkdown } from './markdown-escape';
import { headingLinkMd, listItemMd, proseMd } from './prose-markdown';

// Sections 5 to 8 and Appendix C as the Markdown templates show them, with the same conventions as
// `overview-view.ts`: plain strings are text, fields ending in `Md` are Markdown.

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
  openMd: Markdown;
  rationaleMd: Markdown;
  referencesMd: Markdown | null;
  fixMd: Markdown;
  resources: ResourceView[];
  /** Whether any resource came from a file (manifests); live clusters have no source column. */
  hasSources: boolean;
  moreMd: Markdown | null;
}

export interface FindingsView {
  titleMd: Markdown;
  introMd: Markdown;
  checks: CheckView[];
}

interface PlanItemView {
  number: string;
  title: string;
  idMd: Markdown;
  severity: string;
  place: string;
  openMd: Markdown;
  fixMd: Markdown;
  /** The YAML to merge, or where the plan already shows the same. */
  patchMd: Markdown | null;
}

export interface RemediationView {
  titleMd: Markdown;
  introMd: Markdown;
  quickWinsTitleMd: Markdown;
  structuralTitleMd: Markdown;
  noneMd: Markdown;
  quickWins: PlanItemView[];
  structural: PlanItemView[];
}

export interface LimitationsView {
  titleMd: Markdown;
  checkResultsMd: Markdown;
  gapsTitleMd: Markdown;
  gapsIntroMd: Markdown;
  noGapMd: Markdown;
  gaps: { kind: string; reason: string; checks: string }[];
  notEvaluatedTitleMd: Markdown;
  noneMd: Markdown;
  notEvaluated: { idMd: Markdown; title: string; severity: string; reason: string }[];
  inputErrorsTitleMd: Markdown;
  inputErrorsIntroMd: Markdown;
  noInputErrorMd: Markdown;
  inputErrors: { location: string; code: string; message: string }[];
  limitsTitleMd: Markdown;
  limits: { itemMd: Markdown }[];
}

interface TriageView {
  checkMd: Markdown;
  resource: string;
  container: string;
  justification: string;
  expires: string;
  decision: string;
}

export interface TriageSectionView {
  titleMd: Markdown;
  introMd: Markdown;
  acceptedTitleMd: Markdown;
  falsePositivesTitleMd: Markdown;
  expiredTitleMd: Markdown;
  expiredIntroMd: Markdown;
  noneMd: Markdown;
  accepted: TriageView[];
  falsePositives: TriageView[];
  expiredExceptions: string[];
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

export interface AppendixView {
  titleMd: Markdown;
  introMd: Markdown;
  rows: AppendixRowView[];
  hasSources: boolean;
}

/** A check id in a table cell, in code font. */
function checkId(id: string): Markdown {
  return codeSpan(id, { inTable: true });
}

export function findingsView(model: ReportModel): FindingsView {
  return {
    titleMd: proseMd(SECTION_TITLES.findings),
    introMd: proseMd(
      model.findings.length === 0
        ? NO_FAILED_CHECK
        : findingsIntro(model.findings.length, AppendixScope.Complete),
    ),
    checks: model.findings.map((section, index) => {
      const references = referencesText(section.check.references);
      return {
        number: index + 1,
        title: section.check.title,
        idMd: codeSpan(section.check.id, { inTable: false }),
        severity: SEVERITY_LABELS[section.check.severity],
        place: placeText(section.check),
        principles: section.check.principles.map((principle) => PRINCIPLE_LABELS[principle]).join(', '),
        openMd: proseMd(openFindings(section.open)),
        rationaleMd: trustedMarkdown(section.check.rationale),
        referencesMd: references === '' ? null : trustedMarkdown(`${REFERENCES} ${escapeText(references)}`),
        fixMd: trustedMarkdown(`**${FIX}** ${section.check.remediation.text}`),
        resources: section.resources.map((affected) => ({
          resource: resourceText(affected.resource),
          container: affected.container ?? '',
          message: affected.message,
          evidenceMd: codeSpan(affected.evidencePath, { inTable: true }),
          source: sourceText(affected.source),
        })),
        hasSources: section.resources.some((affected) => affected.source !== undefined),
        // The Markdown's appendix lists every finding.
        moreMd: section.truncated === 0 ? null : proseMd(moreResources(section.truncated, true)),
      };
    }),
  };
}

type PlanHeadings = Map<string, { number: string; heading: string }>;

/** Each plan item's number (`Q3`) and its heading (`Q3. Title`), which a link to the item names, by check. */
function planHeadings(model: ReportModel): PlanHeadings {
  const titles = new Map(model.findings.map((section) => [section.check.id, section.check.title]));
  return new Map(
    [...planItemNumbers(model.remediation)].map(([checkId, number]) => [
      checkId,
      { number, heading: `${number}. ${titles.get(checkId)!}` },
    ]),
  );
}

function patchMd(item: PlanItem, headings: PlanHeadings): Markdown | null {
  if (item.samePatchAs !== undefined) {
    const shown = headings.get(item.samePatchAs)!;
    return proseMd(samePatchAs(headingLinkMd(shown.heading, shown.number)));
  }
  const patch = item.check.remediation.patch;
  return patch.trim() === '' ? null : fencedBlock(patch, 'yaml');
}

function planItems(items: readonly PlanItem[], headings: PlanHeadings): PlanItemView[] {
  return items.map((item) => ({
    number: headings.get(item.check.id)!.number,
    title: item.check.title,
    idMd: codeSpan(item.check.id, { inTable: false }),
    severity: SEVERITY_LABELS[item.check.severity],
    place: placeText(item.check),
    openMd: proseMd(openFindings(item.open)),
    fixMd: trustedMarkdown(item.check.remediation.text),
    patchMd: patchMd(item, headings),
  }));
}

export function remediationView(model: ReportModel): RemediationView {
  const headings = planHeadings(model);
  return {
    titleMd: proseMd(SECTION_TITLES.remediation),
    introMd: proseMd(REMEDIATION_INTRO),
    quickWinsTitleMd: proseMd(QUICK_WINS),
    structuralTitleMd: proseMd(STRUCTURAL_WORK),
    noneMd: proseMd(NONE),
    quickWins: planItems(model.remediation.quickWins, headings),
    structural: planItems(model.remediation.structural, headings),
  };
}

export function limitationsView(model: ReportModel): LimitationsView {
  const { limitations } = model;
  return {
    titleMd: proseMd(SECTION_TITLES.limitations),
    checkResultsMd: proseMd(checkResults(limitations.checkStatuses)),
    gapsTitleMd: proseMd(COVERAGE_GAPS),
    gapsIntroMd: proseMd(COVERAGE_GAPS_INTRO),
    noGapMd: proseMd(NO_COVERAGE_GAP),
    gaps: limitations.gaps.map((gap) => ({
      kind: gap.kind,
      reason: gap.reason,
      checks: gap.checks.join(', '),
    })),
    notEvaluatedTitleMd: proseMd(CHECKS_NOT_EVALUATED),
    noneMd: proseMd(NONE),
    notEvaluated: limitations.notEvaluated.map((entry) => ({
      idMd: checkId(entry.check.id),
      title: entry.check.title,
      severity: SEVERITY_LABELS[entry.check.severity],
      reason: entry.reason,
    })),
    inputErrorsTitleMd: proseMd(INPUT_ERRORS),
    inputErrorsIntroMd: proseMd(INPUT_ERRORS_INTRO),
    noInputErrorMd: proseMd(NO_INPUT_ERROR),
    inputErrors: limitations.inputErrors.map((error) => ({
      location: `${error.file ?? ''}${error.line !== undefined ? `:${error.line}` : ''}`,
      code: error.code,
      message: error.message,
    })),
    limitsTitleMd: proseMd(LIMITS),
    limits: limits(limitations.exempted).map((item) => ({ itemMd: listItemMd(item) })),
  };
}

function triageRow(entry: TriageEntry): TriageView {
  return {
    checkMd: checkId(entry.checkId),
    resource: resourceText(entry.resource),
    container: entry.container ?? '',
    justification: entry.justification,
    expires: entry.expiresAt ? day(entry.expiresAt) : NO_EXPIRY,
    decision: decidedBy(entry.byException),
  };
}

export function triageView(model: ReportModel): TriageSectionView {
  return {
    titleMd: proseMd(SECTION_TITLES.triage),
    introMd: proseMd(TRIAGE_INTRO),
    acceptedTitleMd: proseMd(ACCEPTED_RISKS),
    falsePositivesTitleMd: proseMd(FALSE_POSITIVES),
    expiredTitleMd: proseMd(EXPIRED_EXCEPTIONS),
    expiredIntroMd: proseMd(EXPIRED_EXCEPTIONS_INTRO),
    noneMd: proseMd(NONE),
    accepted: model.triage.accepted.map(triageRow),
    falsePositives: model.triage.falsePositives.map(triageRow),
    expiredExceptions: model.triage.expiredExceptions,
  };
}

export function appendixView(model: ReportModel): AppendixView {
  const total = model.appendix.length;
  return {
    titleMd: proseMd(SECTION_TITLES.appendix),
    introMd: proseMd(total === 0 ? NO_OPEN_FINDING : appendixIntro(total, total)),
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
  };
}
