import { Injectable, Logger } from '@nestjs/common';
import { AssessmentRepository } from '../../assessments/assessment.repository';
import { coverageOf } from '../../assessments/diff/assessment-coverage';
import { AssessmentStatus } from '../../assessments/entities/assessment.entity';
import { type TicketEntity, TicketStatus } from '../../tickets/entities/ticket.entity';
import { TicketSourcesRepository } from '../../tickets/ticket-sources.repository';
import { TicketRepository } from '../../tickets/ticket.repository';
import type { JiraClient } from '../client/jira-client';
import { TicketJiraLinkRepository } from '../push/ticket-jira-link.repository';
import { TicketSyncStateRepository } from '../push/ticket-sync-state.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { reopenedComment, verifiedComment, type VerifyingAssessment } from './verification-comments';

/** Status categories an issue goes back to when reopened, most preferred first. */
const REOPEN_CATEGORIES = ['new', 'indeterminate'];

export enum VerificationOutcome {
  Verified = 'verified',
  Reopened = 'reopened',
  /** The assessment could not tell (check not evaluated, kind unreadable) or the issue was busy: left pending. */
  Undecided = 'undecided',
}

/**
 * After an assessment of a cluster, confirms or reopens its tickets whose issues were moved to Done: none of a
 * ticket's findings left → verified, with a comment in Jira; some still there → the issue goes back to an open
 * status with a comment listing them. Only an assessment that evaluated the check on readable kinds decides.
 */
@Injectable()
export class TicketVerifier {
  private readonly logger = new Logger(TicketVerifier.name);

  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly tickets: TicketRepository,
    private readonly sources: TicketSourcesRepository,
    private readonly state: TicketSyncStateRepository,
    private readonly links: TicketJiraLinkRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
  ) {}

  async verifyAfter(assessmentId: string): Promise<Map<string, VerificationOutcome>> {
    const outcomes = new Map<string, VerificationOutcome>();
    const assessment = await this.assessments.findForScope({ kind: 'all' }, assessmentId);
    if (assessment?.status !== AssessmentStatus.Succeeded || !assessment.finishedAt) {
      return outcomes;
    }
    const coverage = coverageOf(assessment);
    const verifying = { id: assessment.id, finishedAt: assessment.finishedAt };
    for (const ticket of await this.tickets.pendingVerification(assessment.clusterId)) {
      const findings = await this.tickets.findingsOf(ticket.id);
      const judged =
        coverage.evaluatedChecks.includes(ticket.check) &&
        findings.every(
          (finding) =>
            !coverage.unreadableKinds.includes(finding.resourceKind) &&
            (coverage.namespaces.length === 0 ||
              coverage.namespaces.includes(finding.resourceNamespace ?? '')),
        );
      outcomes.set(
        ticket.id,
        judged
          ? await this.decide(
              ticket,
              findings.map((finding) => finding.fingerprint),
              verifying,
            )
          : VerificationOutcome.Undecided,
      );
    }
    return outcomes;
  }

  private async decide(
    ticket: TicketEntity,
    fingerprints: string[],
    assessment: VerifyingAssessment,
  ): Promise<VerificationOutcome> {
    const stillOpen = await this.sources.stillOpen(assessment.id, fingerprints);
    if (!(await this.state.lease(ticket.id))) {
      return VerificationOutcome.Undecided;
    }
    try {
      const client = await this.clientFor(ticket);
      const link = await this.links.find(ticket.id);
      if (stillOpen.length === 0) {
        if (client && link) {
          await client.addComment(link.issueKey, verifiedComment(assessment, fingerprints.length));
        }
        await this.tickets.moveStatus(
          ticket.id,
          TicketStatus.ResolvedPendingVerification,
          TicketStatus.Verified,
        );
        return VerificationOutcome.Verified;
      }
      if (client && link) {
        await this.reopenIssue(client, link.issueKey);
        await client.addComment(link.issueKey, reopenedComment(assessment, stillOpen));
      }
      await this.tickets.moveStatus(ticket.id, TicketStatus.ResolvedPendingVerification, TicketStatus.Open);
      return VerificationOutcome.Reopened;
    } finally {
      await this.state.release(ticket.id);
    }
  }

  private async clientFor(ticket: TicketEntity): Promise<JiraClient | undefined> {
    const settings = await this.settings.find(ticket.organizationId);
    return settings ? this.connections.client(settings) : undefined;
  }

  /** Moves the issue back to an open status through the workflow's transition to it. */
  private async reopenIssue(client: JiraClient, issueKey: string): Promise<void> {
    const transitions = await client.transitions(issueKey);
    for (const category of REOPEN_CATEGORIES) {
      const transition = transitions.find((candidate) => candidate.to?.statusCategory?.key === category);
      if (transition?.id) {
        await client.transition(issueKey, transition.id);
        return;
      }
    }
    this.logger.warn(`issue ${issueKey} has no transition back to an open status; only a comment was added`);
  }
}
