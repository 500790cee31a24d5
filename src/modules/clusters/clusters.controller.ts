import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { pageRequest } from '../../common/http/paging';
import { ClusterService } from './cluster.service';
import { KubeconfigCredentialsDto } from './dto/cluster-source.dto';
import { ClusterVerificationDto } from './dto/cluster-verification.dto';
import { ClusterDto, ClusterPageDto, ClusterQueryDto, CreateClusterDto } from './dto/cluster.dto';

const EVERY_ROLE = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('clusters')
@ApiBearerAuth()
@Controller('v1/clusters')
export class ClustersController {
  constructor(private readonly clusters: ClusterService) {}

  @Post()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('cluster.create')
  @ApiCreatedResponse({ type: ClusterDto })
  async create(@Body() body: CreateClusterDto, @CurrentCaller() caller: Caller): Promise<ClusterDto> {
    return ClusterDto.from(await this.clusters.create(scopeOf(caller), body));
  }

  /** Organization-bound keys see their own organization's clusters only. */
  @Get()
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: ClusterPageDto })
  async list(@Query() query: ClusterQueryDto, @CurrentCaller() caller: Caller): Promise<ClusterPageDto> {
    const filter = query.organizationId ? { organizationId: query.organizationId } : {};
    const page = await this.clusters.list(scopeOf(caller), filter, pageRequest(query));
    return { items: page.items.map((cluster) => ClusterDto.from(cluster)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...EVERY_ROLE)
  @ApiOkResponse({ type: ClusterDto })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<ClusterDto> {
    return ClusterDto.from(await this.clusters.get(scopeOf(caller), id));
  }

  /** New credentials for a kubeconfig cluster, checked as at registration. */
  @Patch(':id/credentials')
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('cluster.credentials.replace')
  @ApiOkResponse({ type: ClusterDto })
  async replaceCredentials(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: KubeconfigCredentialsDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ClusterDto> {
    return ClusterDto.from(await this.clusters.replaceCredentials(scopeOf(caller), id, body));
  }

  /** Connects with the stored credentials: server version, platform, and what they may list. */
  @Post(':id/verify')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('cluster.verify')
  @ApiOkResponse({ type: ClusterVerificationDto })
  verify(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ClusterVerificationDto> {
    return this.clusters.verify(scopeOf(caller), id);
  }
}
