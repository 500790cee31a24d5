import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditAction } from '../../audit/audit-action.decorator';
import { Public } from '../../auth/auth.decorators';
import { JiraWebhookService, WebhookOutcome } from './jira-webhook.service';

@ApiTags('jira')
@Controller('v1/integrations/jira/webhook')
export class JiraWebhookController {
  constructor(private readonly webhooks: JiraWebhookService) {}

  /**
   * Every delivery is audited: refused ones (401), accepted ones with their organization, and those that
   * changed a ticket with the ticket (the result feeds the audit trail; a 204 carries no body).
   */
  @Post()
  @HttpCode(204)
  @Public('signed by Jira: HMAC-SHA256 of the raw body with the organization’s webhook secret')
  @AuditAction('ticket.jira_webhook', 'result')
  @ApiOperation({
    summary: 'Jira issue updates (Done → ticket pending verification)',
    description:
      '401 WEBHOOK_SIGNATURE_INVALID when X-Hub-Signature does not verify; repeats are acknowledged.',
  })
  @ApiHeader({ name: 'X-Hub-Signature', description: 'sha256=<hex HMAC-SHA256 of the body>' })
  @ApiHeader({ name: 'X-Atlassian-Webhook-Identifier', description: 'Jira’s id of the delivery' })
  @ApiNoContentResponse({ description: 'Received.' })
  async receive(
    @Req() request: RawBodyRequest<Request>,
    @Headers('x-hub-signature') signature: string | undefined,
    @Headers('x-atlassian-webhook-identifier') identifier: string | undefined,
  ): Promise<{ id?: string; organizationId?: string; outcome: WebhookOutcome }> {
    const result = await this.webhooks.receive({
      rawBody: request.rawBody,
      body: request.body,
      signature,
      identifier,
    });
    return {
      outcome: result.outcome,
      ...(result.outcome === WebhookOutcome.Applied && { id: result.ticketId }),
      ...(result.organizationId && { organizationId: result.organizationId }),
    };
  }
}
