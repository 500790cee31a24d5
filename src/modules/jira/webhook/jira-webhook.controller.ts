import { Controller, Headers, HttpCode, Post, Query, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import type { Request } from 'express';
import { AuditAction } from '../../audit/audit-action.decorator';
import { Public } from '../../auth/auth.decorators';
import { JiraWebhookService, WebhookOutcome } from './jira-webhook.service';

export class WebhookQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organization whose Jira sends it: its webhook secret verifies the signature.',
  })
  @IsUUID()
  organizationId!: string;
}

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
      'Configure Jira’s webhook with `?organizationId=<id>` and the organization’s webhook secret. 401 ' +
      'WEBHOOK_SIGNATURE_INVALID when X-Hub-Signature does not verify (or the delivery is over a day old); ' +
      'repeats are acknowledged without effect.',
  })
  @ApiHeader({ name: 'X-Hub-Signature', description: 'sha256=<hex HMAC-SHA256 of the body>' })
  @ApiHeader({ name: 'X-Atlassian-Webhook-Identifier', description: 'Jira’s id of the delivery' })
  @ApiNoContentResponse({ description: 'Received.' })
  async receive(
    @Query() query: WebhookQueryDto,
    @Req() request: RawBodyRequest<Request>,
    @Headers('x-hub-signature') signature: string | undefined,
    @Headers('x-atlassian-webhook-identifier') identifier: string | undefined,
  ): Promise<{ id?: string; organizationId: string }> {
    const result = await this.webhooks.receive(
      {
        organizationId: query.organizationId,
        rawBody: request.rawBody,
        body: request.body,
        signature,
        identifier,
      },
      new Date(),
    );
    return {
      organizationId: query.organizationId,
      ...(result.outcome === WebhookOutcome.Applied && { id: result.ticketId }),
    };
  }
}
