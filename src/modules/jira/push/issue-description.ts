import type { CheckMeta } from '../../../engine/model';
import type { TicketFindingEntity } from '../../tickets/entities/ticket-finding.entity';
import type { TicketEntity } from '../../tickets/entities/ticket.entity';
import {
  type AdfBlock,
  type AdfDocument,
  adfDocument,
  bulletList,
  code,
  codeBlock,
  heading,
  paragraph,
  strong,
  text,
} from '../client/adf';

/** Resources listed in the description; the rest are counted (the ticket in Kubeassay lists them all). */
const LISTED_RESOURCES = 50;

function resource(finding: TicketFindingEntity): ReturnType<typeof text>[] {
  const namespace = finding.resourceNamespace ? `${finding.resourceNamespace}/` : '';
  const container = finding.container ? ` (container ${finding.container})` : '';
  return [
    code(`${finding.resourceKind} ${namespace}${finding.resourceName}`),
    text(`${container}: ${finding.message}`),
  ];
}

/**
 * The issue's description: what fails, why it matters in the model's terms, where, how to fix it (with the
 * YAML patch), and how to check the fix. Built as ADF, so nothing a cluster named can change its structure.
 */
export function issueDescription(
  ticket: TicketEntity,
  meta: CheckMeta | undefined,
  findings: readonly TicketFindingEntity[],
): AdfDocument {
  const listed = findings.slice(0, LISTED_RESOURCES);
  const blocks: AdfBlock[] = [
    heading(3, text('What')),
    paragraph(strong(meta?.title ?? ticket.check), text(' '), code(ticket.check)),
    heading(3, text('Why it matters')),
    paragraph(text(meta?.rationale ?? '')),
    paragraph(
      text('Layer: '),
      strong(ticket.layer),
      text(' · phase: '),
      strong(ticket.phase),
      text(' · principles: '),
      strong((meta?.principles ?? []).join(', ') || 'none'),
      text(' · severity: '),
      strong(ticket.severity),
    ),
    heading(3, text(`Affected resources (${findings.length})`)),
    bulletList(...listed.map(resource)),
  ];
  if (findings.length > listed.length) {
    blocks.push(paragraph(text(`…and ${findings.length - listed.length} more, listed in Kubeassay.`)));
  }
  blocks.push(heading(3, text('How to fix')), paragraph(text(meta?.remediation.text ?? '')));
  if (meta?.remediation.patch) {
    blocks.push(codeBlock(meta.remediation.patch, 'yaml'));
  }
  blocks.push(
    heading(3, text('How to verify')),
    paragraph(
      text('Apply the fix, then run the next assessment of the cluster, or locally '),
      code(`kubeassay scan <manifests> --check ${ticket.check}`),
      text('. When the issue is moved to Done, the next assessment confirms the fix or reopens the issue.'),
    ),
  );
  return adfDocument(blocks);
}
