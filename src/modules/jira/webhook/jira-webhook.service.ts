import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { TicketStatus } from '../../tickets/entities/ticket.entity';
import { TicketRepository } from '../../tickets/ticket.repository';
import { TicketJiraLinkRepository } from '../push/ticket-jira-link.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import { isValidSignature } from './webhook-signature';

/** The part of Jira's `jira:issue_updated` payload the sync reads. */
const issueEvent = z.object({
  issue: z.object({
    id: z.string().max(50),
    key: z.string().max(100),
    fields: z
      .object({
        status: z.object({ statusCategory: z.object({ key: z.string() }).partial() }).partial(),
      })
      .partial()
      .optional(),
  }),
});

export interface WebhookDelivery {
  rawBody: Buffer | undefined;
  body: unknown;
  signature: string | undefined;
  identifier: string | undefined;
}

export enum WebhookOutcome {
  /** The ticket's status followed the issue's. */
  Applied = 'applied',
  /** Nothing to do: a repeated delivery, an issue no ticket links to, or a status that changes nothing. */
  Ignored = 'ignored',
}

export interface WebhookResult {
  outcome: WebhookOutcome;
  organizationId?: string;
  ticketId?: string;
}

/**
 * Applies Jira's issue updates to tickets. A delivery is trusted only once its signature verifies under the
 * secret of the organization whose ticket the issue is; repeats (same `X-Atlassian-Webhook-Identifier`) are
 * acknowledged without effect.
 */
@Injectable()
export class JiraWebhookService {
  constructor(
    @InjectDataSource() private readonly database: DataSource,
    private readonly links: TicketJiraLinkRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    private readonly tickets: TicketRepository,
  ) {}

  async receive(delivery: WebhookDelivery): Promise<WebhookResult> {
    const parsed = issueEvent.safeParse(delivery.body);
    if (!parsed.success || !delivery.rawBody) {
      return { outcome: WebhookOutcome.Ignored };
    }
    const { issue } = parsed.data;
    const link = (await this.links.findByIssue(issue.id)) ?? (await this.links.findByIssue(issue.key));
    const settings = link && (await this.settings.find(link.organizationId));
    if (!link || !settings) {
      return { outcome: WebhookOutcome.Ignored };
    }
    if (!isValidSignature(delivery.signature, delivery.rawBody, this.connections.webhookSecret(settings))) {
      throw new DomainError(ErrorCode.WebhookSignatureInvalid, 'the webhook signature does not verify');
    }
    const result = { organizationId: link.organizationId, ticketId: link.ticketId };
    if (!delivery.identifier || !(await this.firstDelivery(delivery.identifier, link.organizationId))) {
      return { ...result, outcome: WebhookOutcome.Ignored };
    }
    const done = issue.fields?.status?.statusCategory?.key === 'done';
    const moved = done
      ? await this.tickets.moveStatus(
          link.ticketId,
          TicketStatus.Open,
          TicketStatus.ResolvedPendingVerification,
        )
      : await this.tickets.moveStatus(
          link.ticketId,
          TicketStatus.ResolvedPendingVerification,
          TicketStatus.Open,
        );
    return { ...result, outcome: moved ? WebhookOutcome.Applied : WebhookOutcome.Ignored };
  }

  private async firstDelivery(identifier: string, organizationId: string): Promise<boolean> {
    const inserted: unknown[] = await this.database.query(
      `INSERT INTO jira_webhook_deliveries (identifier, organization_id) VALUES ($1, $2)
       ON CONFLICT (identifier) DO NOTHING RETURNING identifier`,
      [identifier.slice(0, 200), organizationId],
    );
    return inserted.length > 0;
  }
}
