import { stringify } from 'csv-stringify/sync';
import { TicketDto, TicketFindingDto } from './dto/ticket.dto';
import type { TicketWithFindings } from './ticket.service';

const CSV_COLUMNS = [
  'id',
  'title',
  'check',
  'severity',
  'layer',
  'phase',
  'clusterId',
  'namespace',
  'workload',
  'dueOn',
  'status',
  'syncStatus',
  'jiraIssueKey',
  'findings',
  'resources',
] as const;

/** The export as JSON: every ticket with every finding it covers. */
export function ticketsAsJson(tickets: readonly TicketWithFindings[]): unknown {
  return {
    tickets: tickets.map(({ ticket, findings }) => ({
      ...TicketDto.from(ticket),
      findings: findings.map((finding) => TicketFindingDto.from(finding)),
    })),
  };
}

function resourceName(finding: TicketWithFindings['findings'][number]): string {
  const namespace = finding.resourceNamespace ? `${finding.resourceNamespace}/` : '';
  const container = finding.container ? ` [${finding.container}]` : '';
  return `${finding.resourceKind} ${namespace}${finding.resourceName}${container}`;
}

/**
 * The export as CSV: one row per ticket, the affected resources in one cell. Cells that a spreadsheet would
 * run as a formula (cluster-named resources can start with `=`, `+`, `-`, `@`) are quoted with a leading `'`.
 */
export function ticketsAsCsv(tickets: readonly TicketWithFindings[]): string {
  const rows = tickets.map(({ ticket, findings }) => {
    const dto = TicketDto.from(ticket);
    return CSV_COLUMNS.map((column) => {
      switch (column) {
        case 'findings':
          return String(findings.length);
        case 'resources':
          return findings.map(resourceName).join('\n');
        default:
          return dto[column] ?? '';
      }
    });
  });
  return stringify([[...CSV_COLUMNS], ...rows], { cast: { string: neutralizeFormula } });
}

function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
