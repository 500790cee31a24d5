import {
  Body,
  Controller,
  Get,
  HttpCode,
  type MessageEvent,
  Param,
  Post,
  Query,
  Sse,
  SseSignal,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { pageRequest } from '../../common/http/paging';
import { AssessmentService } from './assessment.service';
import { AssessmentDto, AssessmentPageDto, AssessmentQueryDto } from './dto/assessment.dto';
import { CreateAssessmentDto } from './dto/create-assessment.dto';
import { eventStream } from './events/assessment-event-stream';

const READERS = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentService) {}

  /** Queues a run of the catalog against the cluster's latest snapshot. */
  @Post()
  @HttpCode(202)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('assessment.create')
  @ApiAcceptedResponse({ type: AssessmentDto })
  async create(@Body() body: CreateAssessmentDto, @CurrentCaller() caller: Caller): Promise<AssessmentDto> {
    const assessment = await this.assessments.create(scopeOf(caller), {
      engagementId: body.engagementId,
      clusterId: body.clusterId,
      ...(body.profile && { profile: body.profile }),
    });
    return AssessmentDto.from(assessment);
  }

  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: AssessmentPageDto })
  async list(
    @Query() query: AssessmentQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AssessmentPageDto> {
    const page = await this.assessments.list(
      scopeOf(caller),
      {
        ...(query.engagementId && { engagementId: query.engagementId }),
        ...(query.clusterId && { clusterId: query.clusterId }),
      },
      pageRequest(query),
    );
    return { items: page.items.map((item) => AssessmentDto.from(item)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: AssessmentDto })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<AssessmentDto> {
    return AssessmentDto.from(await this.assessments.get(scopeOf(caller), id));
  }

  /** Stops a queued or running assessment within about a second; no findings are left. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('assessment.cancel')
  @ApiOkResponse({ type: AssessmentDto })
  async cancel(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AssessmentDto> {
    return AssessmentDto.from(await this.assessments.cancel(scopeOf(caller), id));
  }

  /**
   * Server-sent events: every change of status, stage and progress since the assessment was queued, in order,
   * then live until it ends (the stream closes after `succeeded`, `failed` or `cancelled`).
   */
  @Sse(':id/events')
  @Roles(...READERS)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'text/event-stream of `assessment` events; data: {status, stage, progress, collection?, failure?, at}.',
    schema: { type: 'string' },
  })
  async events(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
    @SseSignal() signal: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    return eventStream(await this.assessments.eventSource(scopeOf(caller), id, signal));
  }
}
