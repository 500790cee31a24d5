import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-code';
import { TicketRepository } from '../../tickets/ticket.repository';
import { TicketJiraLinkRepository } from '../push/ticket-jira-link.repository';
import { JiraConnections } from '../settings/jira-connections';
import { JiraSettingsRepository } from '../settings/jira-settings.repository';
import {
  DELIVERY_MAX_AGE_MS,
  DELIVERY_MAX_SKEW_MS,
  JiraWebhookDeliveryRepository,
} from './jira-webhook-delivery.repository';
import { isValidSignature } from './webhook-signature';

/** The part of Jira's `jira:issue_updated` payload the sync reads. */
const issueUpdated = z.object({
  webhookEvent: z.literal('jira:issue_updated'),
  timestamp: z.number(),
  issue: z.object({
    id: z.string().max(50),
    fields: z.object({
      status: z.object({ statusCategory: z.object({ key: z.string() }) }),
    }),
  }),
});

export interface WebhookDelivery {
  organizationId: string;
  rawBody: Buffer | undefined;
  body: unknown;
  signature: string | undefined;
  identifier: string | undefined;
}

export enum WebhookOutcome {
  /** The ticket's status followed the issue's. */
  Applied = 'applied',
  /** Nothing to do: a repeat, another event, an issue no ticket links to, a status that changes nothing. */
  Ignored = 'ignored',
}

export interface WebhookResult {
  outcome: WebhookOutcome;
  ticketId?: string;
}

function invalidSignature(): DomainError {
  return new DomainError(ErrorCode.WebhookSignatureInvalid, 'the webhook signature does not verify');
}

/**
 * Applies Jira's issue updates to one organization's tickets. The organization is named by the webhook's URL;
 * nothing of the body is looked at before its signature verifies under that organization's secret (an unknown
 * organization answers like a wrong signature), and repeats are acknowledged without effect.
 */
@Injectable()
export class JiraWebhookService {
  constructor(
    private readonly deliveries: JiraWebhookDeliveryRepository,
    private readonly links: TicketJiraLinkRepository,
    private readonly settings: JiraSettingsRepository,
    private readonly connections: JiraConnections,
    private readonly tickets: TicketRepository,
  ) {}

  async receive(delivery: WebhookDelivery, now: Date): Promise<WebhookResult> {
    const settings = await this.settings.find(delivery.organizationId);
    const rawBody = delivery.rawBody;
    if (
      !settings ||
      !rawBody ||
      !isValidSignature(delivery.signature, rawBody, this.connections.webhookSecret(settings))
    ) {
      throw invalidSignature();
    }
    const parsed = issueUpdated.safeParse(delivery.body);
    if (parsed.success) {
      const age = now.getTime() - parsed.data.timestamp;
      if (age > DELIVERY_MAX_AGE_MS || age < -DELIVERY_MAX_SKEW_MS) {
        throw new DomainError(ErrorCode.WebhookSignatureInvalid, 'the delivery is not from the last day');
      }
    }
    const identifier = delivery.identifier;
    if (!identifier) {
      return { outcome: WebhookOutcome.Ignored };
    }
    // Every verified delivery is recorded, applied or not: one that changed nothing today cannot be replayed to
    // change something tomorrow.
    return this.deliveries.transaction(async (manager) => {
      if (!(await this.deliveries.first(manager, settings.organizationId, identifier, rawBody))) {
        return { outcome: WebhookOutcome.Ignored };
      }
      const link = parsed.success ? await this.links.findByIssue(settings, parsed.data.issue.id) : null;
      if (!parsed.success || !link) {
        return { outcome: WebhookOutcome.Ignored };
      }
      const done = parsed.data.issue.fields.status.statusCategory.key === 'done';
      const moved = done
        ? await this.tickets.resolve(link.ticketId, now, manager)
        : await this.tickets.unresolve(link.ticketId, manager);
      return { outcome: moved ? WebhookOutcome.Applied : WebhookOutcome.Ignored, ticketId: link.ticketId };
    });
  }
}
