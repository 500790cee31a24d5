import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel, TriageEntry } from '../report-model';
import { NONE } from '../text/labels';
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
import { SECTION_TITLES } from '../text/sections';
import { dataTable, none, paragraph, sectionTitle, severityLabel, subTitle } from './building-blocks';
import { resourceCell } from './findings';
import { formatDay } from './format';
import { proseBlocks, proseRuns } from './prose';

function checkCell(title: string | undefined, id: string): TableCell {
  return {
    stack: [...(title === undefined ? [] : [{ text: title }]), { text: id, style: 'identifier' }],
  };
}

function coverageGaps(gaps: ReportModel['limitations']['gaps']): Content[] {
  return gaps.length === 0
    ? [none(NO_COVERAGE_GAP)]
    : [
        paragraph(proseRuns(COVERAGE_GAPS_INTRO)),
        dataTable(
          [90, '*', 170],
          ['Kind', 'Reason', 'Checks left unevaluated'],
          gaps.map((gap): TableCell[] => [
            { text: gap.kind, style: 'identifier' },
            { text: gap.reason },
            { text: gap.checks.length === 0 ? '–' : gap.checks.join(', '), style: 'identifier' },
          ]),
        ),
      ];
}

function inputErrors(errors: ReportModel['limitations']['inputErrors']): Content[] {
  return errors.length === 0
    ? [none(NO_INPUT_ERROR)]
    : [
        paragraph(proseRuns(INPUT_ERRORS_INTRO)),
        dataTable(
          [150, 100, '*'],
          ['Location', 'Error', 'Message'],
          errors.map((error): TableCell[] => [
            {
              text:
                error.file === undefined
                  ? '–'
                  : `${error.file}${error.line === undefined ? '' : `:${error.line}`}`,
              style: 'identifier',
            },
            { text: error.code, style: 'identifier' },
            { text: error.message },
          ]),
        ),
      ];
}

export function limitations(model: ReportModel): Content[] {
  const { gaps, notEvaluated, checkStatuses, exempted } = model.limitations;
  return [
    sectionTitle(SECTION_TITLES.limitations, 'section-limitations'),
    paragraph(proseRuns(checkResults(checkStatuses))),
    subTitle(COVERAGE_GAPS),
    ...coverageGaps(gaps),
    subTitle(CHECKS_NOT_EVALUATED),
    notEvaluated.length === 0
      ? none(NONE)
      : dataTable(
          [170, 50, '*'],
          ['Check', 'Severity', 'Reason'],
          notEvaluated.map((entry): TableCell[] => [
            checkCell(entry.check.title, entry.check.id),
            severityLabel(entry.check.severity),
            { text: entry.reason },
          ]),
        ),
    subTitle(INPUT_ERRORS),
    ...inputErrors(model.limitations.inputErrors),
    subTitle(LIMITS),
    ...proseBlocks([{ list: limits(exempted) }]),
  ];
}

function triageTable(entries: readonly TriageEntry[], withExpiry: boolean): Content {
  const header = ['Check', 'Resource', 'Justification', ...(withExpiry ? ['Expires'] : []), 'Decided by'];
  const widths = withExpiry ? [110, 110, '*', 55, 60] : [130, 130, '*', 60];
  return dataTable(
    widths,
    header,
    entries.map((entry): TableCell[] => [
      checkCell(entry.check?.title, entry.checkId),
      {
        stack: [
          resourceCell(entry.resource),
          ...(entry.container === undefined
            ? []
            : [{ text: `container ${entry.container}`, style: 'identifier' }]),
        ],
      },
      { text: entry.justification === '' ? '–' : entry.justification },
      ...(withExpiry
        ? [{ text: entry.expiresAt === undefined ? NO_EXPIRY : formatDay(entry.expiresAt) }]
        : []),
      { text: decidedBy(entry.byException) },
    ]),
  );
}

export function triage(model: ReportModel): Content[] {
  const { accepted, falsePositives, expiredExceptions } = model.triage;
  return [
    sectionTitle(SECTION_TITLES.triage, 'section-triage'),
    paragraph(proseRuns(TRIAGE_INTRO)),
    subTitle(ACCEPTED_RISKS),
    accepted.length === 0 ? none(NONE) : triageTable(accepted, true),
    subTitle(FALSE_POSITIVES),
    falsePositives.length === 0 ? none(NONE) : triageTable(falsePositives, false),
    subTitle(EXPIRED_EXCEPTIONS),
    ...(expiredExceptions.length === 0
      ? [none(NONE)]
      : [
          paragraph(proseRuns(EXPIRED_EXCEPTIONS_INTRO)),
          { ul: expiredExceptions.map((id) => ({ text: id, style: 'identifier' })), style: 'paragraph' },
        ]),
  ];
}
