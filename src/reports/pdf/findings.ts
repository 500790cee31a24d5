import type { Content, ContentText, TableCell } from 'pdfmake/interfaces';
import type { FindingSource, ResourceRef } from '../../engine/finding';
import type { AffectedResource, CheckSection, ReportModel } from '../report-model';
import {
  AppendixScope,
  findingsIntro,
  FIX,
  moreResources,
  NO_FAILED_CHECK,
  openFindings,
} from '../text/findings';
import { placeText, referencesText, sourceText } from '../text/format';
import { PRINCIPLE_LABELS } from '../text/labels';
import { SECTION_TITLES } from '../text/sections';
import {
  continuedTable,
  dataTable,
  groupRow,
  none,
  pageLink,
  paragraph,
  sectionTitle,
  severityLabel,
} from './building-blocks';
import { resourceName } from './format';
import { proseRuns } from './prose';
import { COLOURS } from './theme';

/** Resource, container and finding: the findings' and the appendix's tables. */
export const RESOURCE_COLUMNS = [172, 70, '*'];
export const RESOURCE_HEADER = ['Resource', 'Container', 'Finding'];
/** A check that finds no container at fault (RBAC, namespaces, nodes) gives the finding the container's room. */
const NO_CONTAINER_COLUMNS = [172, '*'];
const NO_CONTAINER_HEADER = ['Resource', 'Finding'];
/** The evidence row and the first resource stay with the check's heading. */
const ROWS_KEPT_WITH_HEADING = 2;

/** Anchor ids for page references: check ids are catalog identifiers, never client strings. */
export const checkAnchor = (checkId: string) => `check-${checkId}`;
export const fixAnchor = (checkId: string) => `fix-${checkId}`;

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
    : [{ text: sourceText(source), style: 'identifier', fontSize: 6.5, color: COLOURS.muted }];
}

type ResourceEntry = Pick<AffectedResource, 'resource' | 'container' | 'message' | 'source'>;

/** One row per affected resource, with or without its container's column. */
export function resourceRow(entry: ResourceEntry, withContainer = true): TableCell[] {
  return [
    { stack: [resourceCell(entry.resource), ...sourceNote(entry.source)] },
    ...(withContainer ? [{ text: entry.container ?? '–', style: 'identifier' }] : []),
    { text: entry.message },
  ];
}

/**
 * The resources under a row naming their evidence path, in the order the paths first come: a check mostly
 * finds its fault at one or two paths, which would otherwise be repeated on every row.
 */
function rowsByEvidence(resources: readonly AffectedResource[], withContainer: boolean): TableCell[][] {
  const groups = new Map<string, AffectedResource[]>();
  for (const affected of resources) {
    groups.set(affected.evidencePath, [...(groups.get(affected.evidencePath) ?? []), affected]);
  }
  return [...groups.entries()].flatMap(([path, group]) => [
    groupRow(
      [
        { text: 'Evidence  ', color: COLOURS.muted },
        { text: path, style: 'identifier' },
      ],
      withContainer ? 3 : 2,
    ),
    ...group.map((affected) => resourceRow(affected, withContainer)),
  ]);
}

function checkHeading(section: CheckSection): Content[] {
  const { check } = section;
  const references = referencesText(check.references);
  const principles = check.principles.map((principle) => PRINCIPLE_LABELS[principle]).join(', ');
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
        `  ·  ${placeText(check)}  ·  ${principles}`,
      ],
      fontSize: 8,
      margin: [0, 0, 0, 2],
    },
    {
      ...pageLink('Patch on page', fixAnchor(check.id), {
        text: `${openFindings(section.open)}${references === '' ? '' : `  ·  ${references}`}`,
      }),
      style: 'small',
      margin: [0, 0, 0, 3],
    },
    { text: proseRuns(check.rationale), fontSize: 8.5, margin: [0, 0, 0, 3] },
    {
      text: [{ text: `${FIX} `, bold: true }, ...proseRuns(check.remediation.text)],
      fontSize: 8.5,
      margin: [0, 0, 0, 2],
    },
  ];
}

/**
 * A check's heading stays on one page with the first rows of its resources, so a page never ends on a heading
 * or a lone table header; the other rows may flow onto the next page.
 */
function checkSection(section: CheckSection): Content[] {
  const withContainer = section.resources.some((affected) => affected.container !== undefined);
  const [columns, header] = withContainer
    ? [RESOURCE_COLUMNS, RESOURCE_HEADER]
    : [NO_CONTAINER_COLUMNS, NO_CONTAINER_HEADER];
  const rows = rowsByEvidence(section.resources, withContainer);
  const rest = rows.slice(ROWS_KEPT_WITH_HEADING);
  return [
    {
      unbreakable: true,
      stack: [
        ...checkHeading(section),
        {
          ...dataTable(columns, header, rows.slice(0, ROWS_KEPT_WITH_HEADING)),
          style: 'resourceTable',
          ...(rest.length > 0 && { margin: [0, 4, 0, 0] as [number, number, number, number] }),
        },
      ],
    },
    ...(rest.length === 0 ? [] : [{ ...continuedTable(columns, rest), style: 'resourceTable' }]),
    ...(section.truncated === 0
      ? []
      : [
          {
            text: moreResources(section.truncated, section.wholeInPagedAppendix),
            style: ['small', 'paragraph'],
            italics: true,
          },
        ]),
    { text: '', margin: [0, 0, 0, 4] },
  ];
}

/** Each failing check in priority order, with its first affected resources. */
export function findingsByCheck(model: ReportModel): Content[] {
  const appendix = model.pagedAppendix.omitted === 0 ? AppendixScope.Complete : AppendixScope.Excerpt;
  return [
    sectionTitle(SECTION_TITLES.findings, 'section-findings'),
    model.findings.length === 0
      ? none(NO_FAILED_CHECK)
      : paragraph(proseRuns(findingsIntro(model.findings.length, appendix))),
    ...model.findings.flatMap(checkSection),
  ];
}
