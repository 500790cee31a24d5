import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { FindingFacetsDto } from './dto/finding-facets.dto';
import { DEFAULT_FINDINGS_PAGE, FindingFilterDto, FindingQueryDto } from './dto/finding-query.dto';
import { FindingPageDto } from './dto/finding.dto';
import { toFindingFilter } from './finding-filter';
import { FindingSort } from './finding-sort';
import { FindingsService } from './findings.service';

@ApiTags('findings')
@ApiBearerAuth()
@Controller('v1/assessments/:id/findings')
export class FindingsController {
  constructor(private readonly findings: FindingsService) {}

  @Get()
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  @ApiOkResponse({ type: FindingPageDto })
  list(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: FindingQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FindingPageDto> {
    return this.findings.list(scopeOf(caller), id, toFindingFilter(query), {
      sort: query.sort ?? FindingSort.Inserted,
      limit: query.limit ?? DEFAULT_FINDINGS_PAGE,
      ...(query.cursor && { cursor: query.cursor }),
    });
  }

  @Get('facets')
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  @ApiOkResponse({ type: FindingFacetsDto })
  facets(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: FindingFilterDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FindingFacetsDto> {
    return this.findings.facets(scopeOf(caller), id, toFindingFilter(query));
  }
}
