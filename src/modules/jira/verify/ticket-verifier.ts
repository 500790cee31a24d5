import { Injectable, Logger } from '@nestjs/common';
import { AssessmentRepository } from '../../assessments/assessment.repository';
import { type AssessmentCoverage, coverageOf } from '../../assessments/diff/assessment-coverage';
import { AssessmentStatus } from '../../assessments/entities/assessment.entity';
import type { TicketFindingEntity } from '../../tickets/entities/ticket-finding.entity';
import { type TicketEntity, TicketStatus } from '../../tickets/entities/ticket.entity';
import { type OpenFinding, TicketSourcesRepository } from '../../tickets/ticket-sources.repository';
import { TicketRepository } from '../../tickets/ticket.repository';
import type { JiraClient } from '../client/jira-client';
import { JiraRequestError } from '../client/jira-request-error';
import { siteOf, TicketJiraLinkRepository } from '../push/ticket-jira-link.repository';
import type { TicketLease } from '../push/ticket-lease';
import { TicketSyncStateRepository } from '../push/ticket-sync-state.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { reopenedComment, verifiedComment, type VerifyingAssessment } from './verification-comments';

/** A ticket's issue is being written to (its lease is held): the verification waits and tries again. */
export class IssueBusy extends Error {
  constructor(ticketIds: string) {
    super(`the issue of ticket ${ticketIds} is being written to`);
  }
}

/** Status categories an issue goes back to when reopened, most preferred first. */
const REOPEN_CATEGORIES = ['new', 'indeterminate'];

export enum VerificationOutcome {
  Verified = 'verified',
  Reopened = 'reopened',
  /** The assessment could not tell (check not evaluated, kind unreadable, namespace not covered). */
  Undecided = 'undecided',
}

/** Whether the assessment looked at everything the ticket's findings depend on. */
function judges(
  coverage: AssessmentCoverage,
  ticket: TicketEntity,
  findings: readonly TicketFindingEntity[],
) {
  return (
    coverage.evaluatedChecks.includes(ticket.check) &&
    findings.every(
      (finding) =>
        !coverage.unreadableKinds.includes(finding.resourceKind) &&
        (coverage.namespaces.length === 0 || coverage.namespaces.includes(finding.resourceNamespace ?? '')),
    )
  );
}

/**
 * After an assessment of a cluster, confirms or reopens its tickets whose issues were moved to Done before the
 * assessment was queued: none of a ticket's findings left → verified, with a comment in Jira; any still there
 * (whatever its triage) → the issue goes back to an open status with a comment listing them. The ticket's
 * status changes first, under the issue's lease; the Jira writes follow, so a repeat never writes twice. A
 * ticket that cannot be decided now (its issue busy, Jira failing) makes the job fail and retry after the rest.
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
    const failed: string[] = [];
    const busy: string[] = [];
    for (const ticket of await this.tickets.pendingVerificationBefore(
      assessment.clusterId,
      assessment.createdAt,
    )) {
      const findings = await this.tickets.findingsOf(ticket.id);
      if (!judges(coverage, ticket, findings)) {
        outcomes.set(ticket.id, VerificationOutcome.Undecided);
        continue;
      }
      try {
        const present = await this.sources.present(
          assessment.id,
          findings.map((finding) => finding.fingerprint),
        );
        outcomes.set(ticket.id, await this.decide(ticket, findings.length, present, verifying));
      } catch (error) {
        if (!(error instanceof IssueBusy)) {
          this.logger.warn(`verifying ticket ${ticket.id}: ${(error as Error).message}`);
          failed.push(ticket.id);
        } else {
          busy.push(ticket.id);
        }
      }
    }
    if (failed.length > 0) {
      throw new Error(`${failed.length} ticket(s) could not be verified: ${failed.join(', ')}`);
    }
    if (busy.length > 0) {
      throw new IssueBusy(busy.join(', '));
    }
    return outcomes;
  }

  private async decide(
    ticket: TicketEntity,
    findingCount: number,
    present: readonly OpenFinding[],
    assessment: VerifyingAssessment,
  ): Promise<VerificationOutcome> {
    const lease = await this.state.lease(ticket.id);
    if (!lease) {
      throw new IssueBusy(ticket.id);
    }
    try {
      const fixed = present.length === 0;
      const moved = await this.tickets.moveStatus(
        ticket.id,
        TicketStatus.ResolvedPendingVerification,
        fixed ? TicketStatus.Verified : TicketStatus.Open,
      );
      if (moved) {
        await this.tellJira(ticket, lease, (client, key) =>
          fixed
            ? client.addComment(key, verifiedComment(assessment, findingCount), lease.signal)
            : this.reopenIssue(client, key, lease).then(() =>
                client.addComment(key, reopenedComment(assessment, present), lease.signal),
              ),
        );
      }
      return fixed ? VerificationOutcome.Verified : VerificationOutcome.Reopened;
    } finally {
      await this.state.release(lease);
    }
  }

  /**
   * Writes the verdict to the ticket's issue. A failure is recorded on the ticket (`syncError`, until its next
   * push) and not retried: the verdict stands in Kubeassay either way.
   */
  private async tellJira(
    ticket: TicketEntity,
    lease: TicketLease,
    write: (client: JiraClient, issueKey: string) => Promise<unknown>,
  ): Promise<void> {
    const settings = await this.settings.find(ticket.organizationId);
    const link = await this.links.find(ticket.id);
    // A link into a site or project the settings no longer name: its key means another issue there.
    if (!settings || !link || link.site !== siteOf(settings)) {
      return;
    }
    try {
      await write(this.connections.client(settings), link.issueKey);
    } catch (error) {
      const reason = error instanceof JiraRequestError ? error.message : 'an internal error';
      this.logger.warn(
        `ticket ${ticket.id}: the verdict did not reach ${link.issueKey}: ${(error as Error).message}`,
      );
      await this.state.note(ticket.id, `the verdict did not reach ${link.issueKey}: ${reason}`);
    }
  }

  /** Moves the issue back to an open status through the workflow's transition to it. */
  private async reopenIssue(client: JiraClient, issueKey: string, lease: TicketLease): Promise<void> {
    const transitions = await client.transitions(issueKey, lease.signal);
    for (const category of REOPEN_CATEGORIES) {
      const transition = transitions.find((candidate) => candidate.to?.statusCategory?.key === category);
      if (transition?.id) {
        await client.transition(issueKey, transition.id, lease.signal);
        return;
      }
    }
    this.logger.warn(`issue ${issueKey} has no transition back to an open status; only a comment was added`);
  }
}
