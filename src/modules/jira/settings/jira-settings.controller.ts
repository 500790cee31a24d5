import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { AuditAction } from '../../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import { type Caller, scopeOf } from '../../auth/caller';
import { Role } from '../../auth/role';
import { JiraSettingsDto, PutJiraSettingsDto } from './dto/jira-settings.dto';
import { JiraSettingsService } from './jira-settings.service';

/** An organization's Jira connection is the consultancy's to configure; its secrets are write-only. */
@ApiTags('jira')
@ApiBearerAuth()
@Controller('v1/organizations/:id/integrations/jira')
export class JiraSettingsController {
  constructor(private readonly settings: JiraSettingsService) {}

  @Put()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('jira_settings.put')
  @ApiOkResponse({ type: JiraSettingsDto })
  async put(
    @Param('id', UuidParamPipe) organizationId: string,
    @Body() body: PutJiraSettingsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<JiraSettingsDto> {
    return JiraSettingsDto.from(await this.settings.put(scopeOf(caller), organizationId, body));
  }

  @Get()
  @Roles(Role.Admin, Role.Consultant)
  @ApiOkResponse({ type: JiraSettingsDto })
  async get(
    @Param('id', UuidParamPipe) organizationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<JiraSettingsDto> {
    return JiraSettingsDto.from(await this.settings.get(scopeOf(caller), organizationId));
  }

  @Post('verify')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('jira_settings.verify')
  @ApiOperation({
    summary: 'Check the settings against Jira before the first push',
    description:
      'Signs in (`/rest/api/3/myself`) and reads the issue type’s create screen: `verification` lists required ' +
      'fields nothing fills and priority names the project does not offer.',
  })
  @ApiOkResponse({ type: JiraSettingsDto })
  async verify(
    @Param('id', UuidParamPipe) organizationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<JiraSettingsDto> {
    return JiraSettingsDto.from(await this.settings.verify(scopeOf(caller), organizationId));
  }
}
