import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import {
  CreateOrganizationDto,
  OrganizationDto,
  OrganizationPageDto,
  RemediationSlaDto,
} from './dto/organization.dto';
import { OrganizationService } from './organization.service';
import { pageRequest, PageQueryDto } from '../../common/http/paging';

const EVERY_ROLE = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('organizations')
@ApiBearerAuth()
@Controller('v1/organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationService) {}

  @Post()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('organization.create')
  @ApiCreatedResponse({ type: OrganizationDto })
  async create(@Body() body: CreateOrganizationDto): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.organizations.create(body.name));
  }

  /** Admins and consultants see every organization; client and integration keys their own. */
  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: OrganizationPageDto })
  async list(@Query() query: PageQueryDto, @CurrentCaller() caller: Caller): Promise<OrganizationPageDto> {
    const page = await this.organizations.list(scopeOf(caller), pageRequest(query));
    return {
      items: page.items.map((organization) => OrganizationDto.from(organization)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: OrganizationDto })
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.organizations.get(scopeOf(caller), id));
  }

  /** The days to fix per severity that the organization's new remediation tickets are due in. */
  @Put(':id/remediation-sla')
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('organization.set_remediation_sla')
  @ApiOkResponse({ type: OrganizationDto })
  async setRemediationSla(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RemediationSlaDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganizationDto> {
    return OrganizationDto.from(await this.organizations.setRemediationSla(scopeOf(caller), id, { ...body }));
  }
}
