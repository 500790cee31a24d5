import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import { type Caller, scopeOf } from '../../auth/caller';
import { Role } from '../../auth/role';
import { EngagementSummaryDto } from './dto/engagement-summary.dto';
import { EngagementSummaryService } from './engagement-summary.service';

@ApiTags('engagements')
@ApiBearerAuth()
@Controller('v1/engagements')
export class EngagementSummaryController {
  constructor(private readonly summaries: EngagementSummaryService) {}

  @Get(':id/summary')
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  @ApiOperation({
    summary: 'The engagement at a glance: clusters, latest assessments, layer × phase matrix, trend',
  })
  @ApiOkResponse({ type: EngagementSummaryDto })
  summary(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<EngagementSummaryDto> {
    return this.summaries.summarize(scopeOf(caller), id);
  }
}
