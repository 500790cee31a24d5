import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import { type Caller, scopeOf } from '../../auth/caller';
import { Role } from '../../auth/role';
import { AssessmentDiffService } from './assessment-diff.service';
import { AssessmentDiffDto, AssessmentDiffQueryDto, DEFAULT_DIFF_ITEMS } from './dto/assessment-diff.dto';

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('v1/assessments')
export class AssessmentDiffController {
  constructor(private readonly diffs: AssessmentDiffService) {}

  @Get(':id/diff')
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  @ApiOperation({
    summary: 'Compare a succeeded assessment with an earlier one of the same cluster, by fingerprint',
    description:
      'Counts every category in full and lists the first `limit` findings of each by id, with `truncated` ' +
      'set when there are more. 409 DIFF_BASELINE_MISSING when `against` is omitted and the cluster has no ' +
      'earlier succeeded assessment; 422 DIFF_NOT_COMPARABLE when either assessment has not succeeded, they ' +
      'are of different clusters, or `against` was not queued before this assessment.',
  })
  @ApiOkResponse({ type: AssessmentDiffDto })
  diff(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: AssessmentDiffQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AssessmentDiffDto> {
    return this.diffs.diff(scopeOf(caller), id, {
      ...(query.against && { against: query.against }),
      limit: query.limit ?? DEFAULT_DIFF_ITEMS,
    });
  }
}
