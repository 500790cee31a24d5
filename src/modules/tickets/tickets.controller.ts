import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pageRequest } from '../../common/http/paging';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { Severity } from '../../engine/model';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import {
  CreateTicketsDto,
  TicketBuildResultDto,
  TicketDetailDto,
  TicketDto,
  TicketExportQueryDto,
  TicketFindingDto,
  TicketPageDto,
  TicketQueryDto,
} from './dto/ticket.dto';
import { TicketGrouping } from './entities/ticket.entity';
import { TicketBuilder } from './ticket-builder';
import { ticketsAsCsv, ticketsAsJson } from './ticket-export';
import { TicketService } from './ticket.service';

const READERS = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];
/** Integration keys create and push tickets for their own organization (DESIGN.md §2). */
const TICKET_WRITERS = [Role.Admin, Role.Consultant, Role.Integration];

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('v1')
export class TicketsController {
  constructor(
    private readonly builder: TicketBuilder,
    private readonly tickets: TicketService,
  ) {}

  @Post('engagements/:id/tickets')
  @HttpCode(200)
  @Roles(...TICKET_WRITERS)
  @AuditAction('engagement.build_tickets')
  @ApiOperation({
    summary: "Build remediation tickets from the open findings of each cluster's latest assessment",
    description:
      'Groups open findings (check × namespace by default) of each cluster; a group that already has an open ' +
      'ticket adds its new findings to it instead of opening another.',
  })
  @ApiOkResponse({ type: TicketBuildResultDto })
  build(
    @Param('id', UuidParamPipe) engagementId: string,
    @Body() body: CreateTicketsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<TicketBuildResultDto> {
    return this.builder.build(scopeOf(caller), engagementId, {
      grouping: body.groupBy ?? TicketGrouping.CheckNamespace,
      minSeverity: body.minSeverity ?? Severity.Low,
    });
  }

  @Get('engagements/:id/tickets/export')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'Every ticket of the engagement with its findings, as JSON or CSV.' })
  async export(
    @Param('id', UuidParamPipe) engagementId: string,
    @Query() query: TicketExportQueryDto,
    @CurrentCaller() caller: Caller,
    @Res() response: Response,
  ): Promise<void> {
    const tickets = await this.tickets.ofEngagement(scopeOf(caller), engagementId);
    const format = query.format ?? 'json';
    response.set('Content-Disposition', `attachment; filename="tickets-${engagementId}.${format}"`);
    if (format === 'csv') {
      response.type('text/csv; charset=utf-8').send(ticketsAsCsv(tickets));
    } else {
      response.json(ticketsAsJson(tickets));
    }
  }

  @Get('tickets')
  @Roles(...READERS)
  @ApiOkResponse({ type: TicketPageDto })
  async list(@Query() query: TicketQueryDto, @CurrentCaller() caller: Caller): Promise<TicketPageDto> {
    const filter = {
      ...(query.engagementId && { engagementId: query.engagementId }),
      ...(query.status && { status: query.status }),
    };
    const page = await this.tickets.list(scopeOf(caller), filter, pageRequest(query));
    return { items: page.items.map((item) => TicketDto.from(item)), nextCursor: page.nextCursor };
  }

  @Get('tickets/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: TicketDetailDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<TicketDetailDto> {
    const { ticket, findings } = await this.tickets.get(scopeOf(caller), id);
    return { ...TicketDto.from(ticket), findings: findings.map((finding) => TicketFindingDto.from(finding)) };
  }
}
