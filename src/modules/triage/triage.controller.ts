import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { FindingDto } from '../findings/dto/finding.dto';
import { TriageFindingDto } from '../findings/dto/triage-finding.dto';
import { FindingsService } from '../findings/findings.service';
import { FindingIdPipe } from './finding-id.pipe';
import { TriageService } from './triage.service';

@ApiTags('findings')
@ApiBearerAuth()
@Controller('v1/findings')
export class TriageController {
  constructor(
    private readonly triageService: TriageService,
    private readonly findings: FindingsService,
  ) {}

  /** Accepts a risk, marks a false positive or reopens; later assessments of the cluster keep the decision. */
  @Patch(':id')
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('finding.triage')
  @ApiParam({
    name: 'id',
    description: "The finding's id as the findings list gives it (a positive integer).",
  })
  @ApiOkResponse({ type: FindingDto })
  async triage(
    @Param('id', FindingIdPipe) id: string,
    @Body() body: TriageFindingDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FindingDto> {
    const finding = await this.triageService.triage(scopeOf(caller), id, body, caller.keyId);
    return this.findings.toDto(finding);
  }
}
