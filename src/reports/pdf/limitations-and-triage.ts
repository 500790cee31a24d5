import type { Content, TableCell } from 'pdfmake/interfaces';
import { CheckStatus } from '../../engine/check-result';
import type { ReportModel, TriageEntry } from '../report-model';
import { formatCount, formatDay, plural } from './format';
import { resourceCell } from './findings';
import { dataTable, none, paragraph, sectionTitle, severityLabel, subTitle } from './building-blocks';
import { SECTION_TITLES } from './section-titles';

function checkCell(title: string | undefined, id: string): TableCell {
  return {
    stack: [...(title === undefined ? [] : [{ text: title }]), { text: id, style: 'identifier' }],
  };
}

function statusLine(statuses: Record<CheckStatus, number>): string {
  const total = Object.values(statuses).reduce((sum, count) => sum + count, 0);
  return (
    `Of ${formatCount(total)} checks, ${formatCount(statuses[CheckStatus.Passed])} passed, ` +
    `${formatCount(statuses[CheckStatus.Failed])} failed, ${formatCount(statuses[CheckStatus.NotEvaluated])} ` +
    `could not be evaluated and ${formatCount(statuses[CheckStatus.NotApplicable])} did not apply ` +
    '(nothing of the kind they inspect was present).'
  );
}

export function limitations(model: ReportModel): Content[] {
  const { gaps, notEvaluated, inputErrors, checkStatuses, exempted } = model.limitations;
  return [
    sectionTitle(SECTION_TITLES.limitations, 'section-limitations'),
    paragraph(statusLine(checkStatuses)),
    paragraph(
      'The assessment reads the cluster’s configuration on the assessment date: it does not scan images for ' +
        'vulnerabilities, observe running processes or network traffic, or test exploits. A check that could not ' +
        'read what it needs is reported as not evaluated, never as passed.',
    ),
    paragraph(
      'Findings on platform-owned components (the system namespaces and system: objects) are left out by ' +
        'default, unless a check inspects those components on purpose; this report leaves out ' +
        `${plural(exempted, 'such finding')}.`,
    ),
    subTitle('Coverage gaps'),
    gaps.length === 0
      ? none('No coverage gap was recorded: every kind of object the checks need could be read.')
      : dataTable(
          [90, '*', 170],
          ['What was missing', 'Why', 'Checks left unevaluated'],
          gaps.map((gap): TableCell[] => [
            { text: gap.kind, style: 'identifier' },
            { text: gap.reason },
            { text: gap.checks.length === 0 ? '–' : gap.checks.join(', '), style: 'identifier' },
          ]),
        ),
    subTitle('Checks not evaluated'),
    notEvaluated.length === 0
      ? none('Every applicable check was evaluated.')
      : dataTable(
          [170, 50, '*'],
          ['Check', 'Severity', 'Reason'],
          notEvaluated.map((entry): TableCell[] => [
            checkCell(entry.check.title, entry.check.id),
            severityLabel(entry.check.severity),
            { text: entry.reason },
          ]),
        ),
    subTitle('Input that could not be read'),
    inputErrors.length === 0
      ? none('Every input document was read.')
      : dataTable(
          [100, 150, '*'],
          ['Problem', 'Where', 'Detail'],
          inputErrors.map((error): TableCell[] => [
            { text: error.code, style: 'identifier' },
            {
              text:
                error.file === undefined
                  ? '–'
                  : `${error.file}${error.line === undefined ? '' : `:${error.line}`}`,
              style: 'identifier',
            },
            { text: error.message },
          ]),
        ),
  ];
}

function expiryCells(entry: TriageEntry): TableCell[] {
  return [
    { text: entry.expiresAt === undefined ? 'no expiry' : formatDay(entry.expiresAt) },
    { text: entry.byException ? 'exception' : 'decision' },
  ];
}

function triageTable(entries: readonly TriageEntry[], withExpiry: boolean): Content {
  const header = ['Check', 'Resource', 'Justification', ...(withExpiry ? ['Expires', 'Basis'] : [])];
  const widths = withExpiry ? [110, 110, '*', 62, 52] : [130, 130, '*'];
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
      ...(withExpiry ? expiryCells(entry) : []),
    ]),
  );
}

export function triage(model: ReportModel): Content[] {
  const { accepted, falsePositives, expiredExceptions } = model.triage;
  return [
    sectionTitle(SECTION_TITLES.triage, 'section-triage'),
    paragraph(
      'Findings the consultants or the client decided on. Accepted risks stay visible here with their ' +
        'justification and expiry; false positives are findings shown not to apply. Neither is counted as open.',
    ),
    subTitle('Accepted risks'),
    accepted.length === 0 ? none('No finding was accepted as a risk.') : triageTable(accepted, true),
    subTitle('False positives'),
    falsePositives.length === 0
      ? none('No finding was marked as a false positive.')
      : triageTable(falsePositives, false),
    ...(expiredExceptions.length === 0
      ? []
      : [
          subTitle('Expired exceptions'),
          paragraph('These exceptions have expired, so the findings they covered are open again:'),
          { ul: expiredExceptions.map((id) => ({ text: id, style: 'identifier' })), style: 'paragraph' },
        ]),
  ];
}
