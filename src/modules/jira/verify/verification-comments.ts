import type { OpenFinding } from '../../tickets/ticket-sources.repository';
import { type AdfDocument, adfDocument, bulletList, code, paragraph, strong, text } from '../client/adf';

export interface VerifyingAssessment {
  id: string;
  finishedAt: Date;
}

/** The comment on an issue whose fix the next assessment confirmed. */
export function verifiedComment(assessment: VerifyingAssessment, findings: number): AdfDocument {
  return adfDocument([
    paragraph(
      strong('Verified by Kubeassay.'),
      text(` The assessment of ${assessment.finishedAt.toISOString()} (`),
      code(assessment.id),
      text(`) no longer finds any of the ${findings} findings of this ticket.`),
    ),
  ]);
}

/** The comment on an issue reopened because the next assessment still finds the problem: the evidence. */
export function reopenedComment(
  assessment: VerifyingAssessment,
  stillOpen: readonly OpenFinding[],
): AdfDocument {
  return adfDocument([
    paragraph(
      strong('Reopened by Kubeassay.'),
      text(` The assessment of ${assessment.finishedAt.toISOString()} (`),
      code(assessment.id),
      text(`) still finds ${stillOpen.length} of this ticket's findings:`),
    ),
    bulletList(
      ...stillOpen.map((finding) => [
        code(
          `${finding.resourceKind} ${finding.resourceNamespace ? `${finding.resourceNamespace}/` : ''}${finding.resourceName}`,
        ),
        text(`${finding.container ? ` (container ${finding.container})` : ''}: ${finding.message}`),
      ]),
    ),
  ]);
}
