import type { Content, TableCell } from 'pdfmake/interfaces';
import type { CheckSection, ReportModel } from '../report-model';
import { PDF_APPENDIX_ROWS } from './appendix-limit';
import { formatCount, plural } from './format';
import { resourceCell, sourceNote } from './findings';
import { DATA_TABLE_LAYOUT, none, paragraph, sectionTitle, severityLabel } from './building-blocks';
import { SECTION_TITLES } from './section-titles';
import { COLOURS } from './theme';

type AppendixEntry = ReportModel['appendix'][number];

function groupRow(entry: AppendixEntry, section: CheckSection | undefined): TableCell[] {
  return [
    {
      text: [
        severityLabel(entry.severity),
        '  ',
        { text: entry.checkId, style: 'code' },
        `  ${section?.check.title ?? ''}`,
        section === undefined ? '' : `  (${plural(section.open, 'finding')})`,
      ],
      colSpan: 3,
      fillColor: COLOURS.groupRow,
    },
    {},
    {},
  ];
}

function entryRow(entry: AppendixEntry): TableCell[] {
  return [
    { stack: [resourceCell(entry.resource), ...sourceNote(entry.source)] },
    { text: entry.container ?? '–', style: 'identifier' },
    { text: entry.message },
  ];
}

/** The open findings by check, each check's group headed by a shaded row. */
function rows(model: ReportModel, listed: readonly AppendixEntry[]): TableCell[][] {
  const sections = new Map(model.findings.map((section) => [section.check.id, section]));
  const body: TableCell[][] = [];
  let previous: string | undefined;
  for (const entry of listed) {
    if (entry.checkId !== previous) {
      body.push(groupRow(entry, sections.get(entry.checkId)));
      previous = entry.checkId;
    }
    body.push(entryRow(entry));
  }
  return body;
}

export function appendix(model: ReportModel): Content[] {
  const listed = model.appendix.slice(0, PDF_APPENDIX_ROWS);
  const omitted = model.appendix.length - listed.length;
  return [
    sectionTitle(SECTION_TITLES.appendix, 'section-appendix'),
    paragraph(
      omitted === 0
        ? `Every open finding (${formatCount(model.appendix.length)}), by check in priority order.`
        : `The first ${formatCount(listed.length)} of ${formatCount(model.appendix.length)} open findings, by ` +
            `check in priority order. The other ${formatCount(omitted)} are in the JSON export and the Markdown ` +
            'report, which list every finding.',
    ),
    listed.length === 0
      ? none('No finding is open.')
      : {
          style: 'table',
          fontSize: 7,
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [170, 60, '*'],
            body: [
              ['Resource', 'Container', 'Finding'].map((title) => ({ text: title, style: 'tableHeader' })),
              ...rows(model, listed),
            ],
          },
          layout: DATA_TABLE_LAYOUT,
        },
    ...(omitted === 0
      ? []
      : [{ text: `…and ${formatCount(omitted)} more open findings.`, style: 'small', italics: true }]),
  ];
}
