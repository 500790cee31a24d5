import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { AuditAction } from '../audit/audit-action.decorator';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { pageRequest } from '../../common/http/paging';
import {
  CreateEngagementDto,
  EngagementDto,
  EngagementPageDto,
  EngagementQueryDto,
  UpdateEngagementDto,
} from './dto/engagement.dto';
import { EngagementService } from './engagement.service';

const EVERY_ROLE = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('v1/engagements')
export class EngagementsController {
  constructor(private readonly engagements: EngagementService) {}

  @Post()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('engagement.create')
  @ApiCreatedResponse({ type: EngagementDto })
  async create(@Body() body: CreateEngagementDto, @CurrentCaller() caller: Caller): Promise<EngagementDto> {
    return EngagementDto.from(await this.engagements.create(scopeOf(caller), body));
  }

  /** Organization-bound keys see their own organization's engagements only. */
  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: EngagementPageDto })
  async list(
    @Query() query: EngagementQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<EngagementPageDto> {
    const filter = {
      ...(query.organizationId && { organizationId: query.organizationId }),
      ...(query.status && { status: query.status }),
    };
    const page = await this.engagements.list(scopeOf(caller), filter, pageRequest(query));
    return {
      items: page.items.map((engagement) => EngagementDto.from(engagement)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: EngagementDto })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<EngagementDto> {
    return EngagementDto.from(await this.engagements.get(scopeOf(caller), id));
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('engagement.update')
  @ApiOkResponse({ type: EngagementDto })
  async update(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: UpdateEngagementDto,
    @CurrentCaller() caller: Caller,
  ): Promise<EngagementDto> {
    return EngagementDto.from(await this.engagements.update(scopeOf(caller), id, body));
  }
}
