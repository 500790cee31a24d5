import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AppendixEntry, CheckSection, ReportModel } from '../report-model';
import { NO_OPEN_FINDING } from '../text/executive-summary';
import { appendixIntro, moreOpenFindings } from '../text/findings';
import { plural } from '../text/format';
import { SECTION_TITLES } from '../text/sections';
import { DATA_TABLE_LAYOUT, groupRow, none, paragraph, sectionTitle, severityLabel } from './building-blocks';
import { RESOURCE_COLUMNS, RESOURCE_HEADER, resourceRow } from './findings';
import { proseRuns } from './prose';

function checkRow(entry: AppendixEntry, section: CheckSection | undefined): TableCell[] {
  return groupRow(
    [
      severityLabel(entry.severity),
      '  ',
      { text: entry.checkId, style: 'code' },
      `  ${section?.check.title ?? ''}`,
      section === undefined ? '' : `  (${plural(section.open, 'finding')})`,
    ],
    3,
  );
}

/** The open findings by check, each check's group headed by a shaded row. */
function rows(model: ReportModel): TableCell[][] {
  const sections = new Map(model.findings.map((section) => [section.check.id, section]));
  const body: TableCell[][] = [];
  let previous: string | undefined;
  for (const entry of model.pagedAppendix.entries) {
    if (entry.checkId !== previous) {
      body.push(checkRow(entry, sections.get(entry.checkId)));
      previous = entry.checkId;
    }
    body.push(resourceRow(entry));
  }
  return body;
}

/** The model's paged appendix: the first open findings, and where the others are. */
export function appendix(model: ReportModel): Content[] {
  const { entries, omitted } = model.pagedAppendix;
  return [
    sectionTitle(SECTION_TITLES.appendix, 'section-appendix'),
    entries.length === 0
      ? none(NO_OPEN_FINDING)
      : paragraph(proseRuns(appendixIntro(entries.length, model.appendix.length))),
    ...(entries.length === 0
      ? []
      : [
          {
            style: 'resourceTable',
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: RESOURCE_COLUMNS,
              body: [RESOURCE_HEADER.map((title) => ({ text: title, style: 'tableHeader' })), ...rows(model)],
            },
            layout: DATA_TABLE_LAYOUT,
          },
        ]),
    ...(omitted === 0 ? [] : [{ text: moreOpenFindings(omitted), style: 'small', italics: true }]),
  ];
}
