import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pageRequest } from '../../common/http/paging';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import {
  CreateReportDto,
  DEFAULT_CONFIDENTIALITY,
  ReportDto,
  ReportPageDto,
  ReportQueryDto,
} from './dto/report.dto';
import { DownloadAction, ReportDownloads } from './report-download';
import { ReportService } from './report.service';

const READERS = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly downloads: ReportDownloads,
  ) {}

  /** Queues a rendering of a succeeded assessment; poll GET /v1/reports/{id} until it is ready. */
  @Post('assessments/:id/reports')
  @HttpCode(202)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('report.create', 'result')
  @ApiAcceptedResponse({ type: ReportDto })
  async create(
    @Param('id', UuidParamPipe) assessmentId: string,
    @Body() body: CreateReportDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReportDto> {
    const report = await this.reports.request(scopeOf(caller), assessmentId, {
      format: body.format,
      confidentiality: body.confidentiality ?? DEFAULT_CONFIDENTIALITY,
      requestedBy: caller.keyId,
    });
    return ReportDto.from(report);
  }

  /** Organization-bound keys see their own organization's reports only. */
  @Get('reports')
  @Roles(...READERS)
  @ApiOkResponse({ type: ReportPageDto })
  async list(@Query() query: ReportQueryDto, @CurrentCaller() caller: Caller): Promise<ReportPageDto> {
    const filter = {
      ...(query.assessmentId && { assessmentId: query.assessmentId }),
      ...(query.engagementId && { engagementId: query.engagementId }),
    };
    const page = await this.reports.list(scopeOf(caller), filter, pageRequest(query));
    return { items: page.items.map((item) => ReportDto.from(item)), nextCursor: page.nextCursor };
  }

  @Get('reports/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ReportDto })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReportDto> {
    return ReportDto.from(await this.reports.get(scopeOf(caller), id));
  }

  @Get('reports/:id/content')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Download a ready report (audited)',
    description:
      'The bytes, with Content-Type, an attachment file name and the sha256 as ETag (304 on If-None-Match). ' +
      '409 REPORT_NOT_READY while queued or rendering, or when rendering failed.',
  })
  @ApiProduces('application/pdf', 'text/markdown')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async content(
    @Param('id', UuidParamPipe) id: string,
    @CurrentCaller() caller: Caller,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.downloads.serve(request, response, DownloadAction.ApiKey, caller, async () => ({
      report: await this.reports.ready(scopeOf(caller), id),
    }));
  }
}
