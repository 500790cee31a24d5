import { LAYER_LABELS, PHASE_LABELS, PRINCIPLE_LABELS, REFERENCE_LABELS } from '../labels';
import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import type { FindingSource, ResourceRef } from '../../engine/finding';
import { Framework, type CheckMeta } from '../../engine/model';
import { RESOURCES_PER_CHECK } from '../build-report';
import type { AffectedResource, CheckSection, ReportModel } from '../report-model';
import { catalogProse, formatCount, plural, resourceName, sourceLine } from './format';
import {
  continuedTable,
  dataTable,
  none,
  pageLink,
  paragraph,
  sectionTitle,
  severityLabel,
} from './building-blocks';
import { PDF_APPENDIX_ROWS } from './appendix-limit';
import { SECTION_TITLES } from './section-titles';
import { COLOURS } from './theme';

const RESOURCE_COLUMNS = [170, 60, '*'];
const RESOURCE_HEADER = ['Resource and evidence', 'Container', 'Finding'];
const ROWS_KEPT_WITH_HEADING = 1;

/** Anchor ids for page references: check ids are catalog identifiers, never client strings. */
export const checkAnchor = (checkId: string) => `check-${checkId}`;
export const fixAnchor = (checkId: string) => `fix-${checkId}`;

function referencesLine(check: CheckMeta): string {
  return Object.values(Framework)
    .filter((framework) => (check.references[framework]?.length ?? 0) > 0)
    .map((framework) => `${REFERENCE_LABELS[framework]} ${check.references[framework]!.join(', ')}`)
    .join('  ·  ');
}

function placeLine(check: CheckMeta): string {
  const principles = check.principles.map((principle) => PRINCIPLE_LABELS[principle]).join(', ');
  return `${LAYER_LABELS[check.layer]} layer · ${PHASE_LABELS[check.phase]} phase · ${principles}`;
}

/** A resource's kind, then its name as it is (a name too long for the column is broken anywhere). */
export function resourceCell(resource: ResourceRef): ContentText {
  return {
    text: [
      { text: `${resource.kind} `, color: COLOURS.muted },
      { text: resourceName(resource), style: 'identifier' },
    ],
  };
}

/** Where a manifest finding comes from, under its resource; live clusters have none. */
export function sourceNote(source: FindingSource | undefined): Content[] {
  return source === undefined
    ? []
    : [{ text: sourceLine(source), style: 'identifier', fontSize: 6.5, color: COLOURS.muted }];
}

function resourceRow(affected: AffectedResource): TableCell[] {
  return [
    {
      stack: [
        resourceCell(affected.resource),
        { text: affected.evidencePath, style: 'identifier', fontSize: 6.5, color: COLOURS.muted },
        ...sourceNote(affected.source),
      ],
    },
    { text: affected.container ?? '–', style: 'identifier' },
    { text: affected.message },
  ];
}

function truncationNote(section: CheckSection, inPdfAppendix: boolean): Content[] {
  if (section.truncated === 0) {
    return [];
  }
  const where = inPdfAppendix
    ? [{ text: 'listed in Appendix C' }]
    : [
        {
          text:
            'listed in the JSON export and the Markdown report (Appendix C of this PDF lists the first ' +
            `${formatCount(PDF_APPENDIX_ROWS)} open findings only)`,
        },
      ];
  return [
    {
      text: [{ text: `…and ${plural(section.truncated, 'more affected resource')}, ` }, ...where],
      style: ['small', 'paragraph'],
      italics: true,
    },
  ];
}

function checkHeading(section: CheckSection): Content[] {
  const { check } = section;
  return [
    {
      text: check.title,
      id: checkAnchor(check.id),
      style: 'h3',
      fontSize: 11.5,
      tocItem: true,
      tocStyle: 'tocCheck',
      tocNumberStyle: 'tocCheckNumber',
    },
    {
      text: [
        severityLabel(check.severity),
        '  ·  ',
        { text: check.id, style: 'code' },
        `  ·  ${placeLine(check)}`,
      ],
      fontSize: 8,
      margin: [0, 0, 0, 3],
    },
    {
      ...pageLink('Patch on page', fixAnchor(check.id), {
        text: `${plural(section.open, 'open finding')}${referencesLine(check) === '' ? '' : `  ·  ${referencesLine(check)}`}`,
      }),
      style: 'small',
      margin: [0, 0, 0, 3],
    },
    { text: catalogProse(check.rationale), fontSize: 8.5, margin: [0, 0, 0, 3] },
    {
      text: [{ text: 'Fix: ', bold: true }, ...catalogProse(check.remediation.text)],
      fontSize: 8.5,
      margin: [0, 0, 0, 2],
    },
  ];
}

/**
 * A check's heading stays on one page with the first rows of its resources, so a page never ends on a heading
 * or a lone table header; the other rows may flow onto the next page.
 */
function checkSection(section: CheckSection, inPdfAppendix: boolean): Content[] {
  const rows = section.resources.map(resourceRow);
  const kept = rows.slice(0, ROWS_KEPT_WITH_HEADING);
  const rest = rows.slice(ROWS_KEPT_WITH_HEADING);
  return [
    {
      unbreakable: true,
      stack: [
        ...checkHeading(section),
        {
          ...dataTable(RESOURCE_COLUMNS, RESOURCE_HEADER, kept),
          ...(rest.length > 0 && { margin: [0, 4, 0, 0] as [number, number, number, number] }),
        },
      ],
    },
    ...(rest.length === 0 ? [] : [continuedTable(RESOURCE_COLUMNS, rest)]),
    ...truncationNote(section, inPdfAppendix),
    { text: '', margin: [0, 0, 0, 6] },
  ];
}

/** Each failing check in priority order, with its first affected resources. */
export function findingsByCheck(model: ReportModel, inPdfAppendix: ReadonlySet<string>): Content[] {
  const intro = paragraph(
    `${plural(model.findings.length, 'check')} failed. They are listed by priority: severity first, then the ` +
      `number of resources affected. Each lists up to ${RESOURCES_PER_CHECK} affected resources; the rest are ` +
      'counted, and listed in Appendix C.',
  );
  return [
    sectionTitle(SECTION_TITLES.findings, 'section-findings'),
    intro,
    ...(model.findings.length === 0 ? [none('No check failed.')] : []),
    ...model.findings.flatMap((section) => checkSection(section, inPdfAppendix.has(section.check.id))),
    { text: `${formatCount(model.appendix.length)} open findings in all.`, style: 'small' },
  ];
}
