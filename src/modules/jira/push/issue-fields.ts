import type { CheckMeta } from '../../../engine/model';
import type { TicketFindingEntity } from '../../tickets/entities/ticket-finding.entity';
import type { TicketEntity } from '../../tickets/entities/ticket.entity';
import type { JiraFields } from '../client/jira-client';
import type { JiraSettingsEntity } from '../settings/jira-settings.entity';
import { issueDescription } from './issue-description';

/**
 * The label that names a ticket's issue in Jira: how a push finds the issue an interrupted create made, so a
 * crash between Jira's create and our commit never yields a second issue.
 */
export function ticketLabel(ticketId: string): string {
  return `kubeassay-ticket-${ticketId}`;
}

/** Jira labels take no spaces; a check id never has any, layers and phases are single words. */
function labels(ticket: TicketEntity, settings: JiraSettingsEntity): string[] {
  return [
    ...new Set([
      ...settings.labels,
      'kubeassay',
      ticketLabel(ticket.id),
      `layer-${ticket.layer}`,
      `phase-${ticket.phase}`,
      `check-${ticket.check}`,
    ]),
  ];
}

/** The fields of the ticket's issue: those a create sends, and (without project and type) an edit sends. */
export function issueFields(
  ticket: TicketEntity,
  meta: CheckMeta | undefined,
  findings: readonly TicketFindingEntity[],
  settings: JiraSettingsEntity,
): { create: JiraFields; edit: JiraFields } {
  const edit: JiraFields = {
    summary: ticket.title,
    description: issueDescription(ticket, meta, findings),
    priority: { name: settings.priorityMap[ticket.severity] },
    labels: labels(ticket, settings),
    duedate: ticket.dueOn,
    ...(settings.components.length > 0 && { components: settings.components.map((name) => ({ name })) }),
  };
  return {
    create: {
      project: { key: settings.projectKey },
      issuetype: { name: settings.issueType },
      ...settings.customFields,
      ...edit,
    },
    edit,
  };
}
