import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { AuditAction } from '../../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import { type Caller, scopeOf } from '../../auth/caller';
import { Role } from '../../auth/role';
import { TicketPushResultDto } from '../../tickets/dto/ticket.dto';
import { TicketPushService } from './ticket-push.service';

/** Integration keys push their own organization's tickets (DESIGN.md §2). */
const TICKET_WRITERS = [Role.Admin, Role.Consultant, Role.Integration];

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1')
export class TicketPushController {
  constructor(private readonly pushes: TicketPushService) {}

  /** Queues the ticket's push to Jira (create, or update with what changed); `syncStatus` follows it. */
  @Post('tickets/:id/push')
  @HttpCode(202)
  @Roles(...TICKET_WRITERS)
  @AuditAction('ticket.push')
  @ApiAcceptedResponse({ type: TicketPushResultDto })
  push(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<TicketPushResultDto> {
    return this.pushes.pushTicket(scopeOf(caller), id);
  }

  /** Queues the push of every ticket of the engagement still in progress (not verified). */
  @Post('engagements/:id/tickets/push')
  @HttpCode(202)
  @Roles(...TICKET_WRITERS)
  @AuditAction('engagement.push_tickets')
  @ApiAcceptedResponse({ type: TicketPushResultDto })
  pushAll(
    @Param('id', UuidParamPipe) engagementId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<TicketPushResultDto> {
    return this.pushes.pushEngagement(scopeOf(caller), engagementId);
  }
}
