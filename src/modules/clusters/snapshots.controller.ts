import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { pageRequest, PageQueryDto } from '../../common/http/paging';
import { SnapshotDto, SnapshotPageDto } from './dto/snapshot.dto';
import { readSnapshotUpload, SNAPSHOT_REQUEST_BODY } from './snapshot-upload';
import { SnapshotService } from './snapshot.service';

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('v1/clusters/:id/snapshots')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotService) {}

  @Post()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('snapshot.upload')
  @ApiOperation({ requestBody: SNAPSHOT_REQUEST_BODY })
  @ApiCreatedResponse({ type: SnapshotDto })
  async upload(
    @Param('id', UuidParamPipe) clusterId: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<SnapshotDto> {
    const upload = readSnapshotUpload(contentType, body);
    return SnapshotDto.from(await this.snapshots.upload(scopeOf(caller), clusterId, upload));
  }

  /** Metadata only: snapshot content never leaves the service. */
  @Get()
  @ApiOkResponse({ type: SnapshotPageDto })
  @Roles(Role.Admin, Role.Consultant, Role.Client, Role.Integration)
  async list(
    @Param('id', UuidParamPipe) clusterId: string,
    @Query() query: PageQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SnapshotPageDto> {
    const page = await this.snapshots.list(scopeOf(caller), clusterId, pageRequest(query));
    return { items: page.items.map((snapshot) => SnapshotDto.from(snapshot)), nextCursor: page.nextCursor };
  }
}
