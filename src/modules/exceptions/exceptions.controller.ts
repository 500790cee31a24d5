import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { pageRequest } from '../../common/http/paging';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { CreateExceptionDto, ExceptionDto, ExceptionPageDto, ExceptionQueryDto } from './dto/exception.dto';
import { ExceptionService } from './exception.service';

const READERS = [Role.Admin, Role.Consultant, Role.Client, Role.Integration];

@ApiTags('exceptions')
@ApiBearerAuth()
@Controller('v1/exceptions')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionService) {}

  /** Waives a check on the selected resources: later runs accept the matching findings, linked to it. */
  @Post()
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('exception.create')
  @ApiCreatedResponse({ type: ExceptionDto })
  async create(@Body() body: CreateExceptionDto, @CurrentCaller() caller: Caller): Promise<ExceptionDto> {
    const exception = await this.exceptions.create(
      scopeOf(caller),
      {
        organizationId: body.organizationId,
        ...(body.clusterId && { clusterId: body.clusterId }),
        check: body.check,
        selector: { ...body.selector },
        justification: body.justification,
        expiresAt: new Date(body.expiresAt),
      },
      caller.keyId,
    );
    return ExceptionDto.from(exception, new Date());
  }

  /** Organization-bound keys see their own organization's exceptions only. */
  @Get()
  @Roles(...READERS)
  @ApiOkResponse({ type: ExceptionPageDto })
  async list(@Query() query: ExceptionQueryDto, @CurrentCaller() caller: Caller): Promise<ExceptionPageDto> {
    const filter = {
      ...(query.organizationId && { organizationId: query.organizationId }),
      ...(query.clusterId && { clusterId: query.clusterId }),
    };
    const page = await this.exceptions.list(scopeOf(caller), filter, pageRequest(query));
    const now = new Date();
    return { items: page.items.map((item) => ExceptionDto.from(item, now)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOkResponse({ type: ExceptionDto })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<ExceptionDto> {
    return ExceptionDto.from(await this.exceptions.get(scopeOf(caller), id), new Date());
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('exception.delete')
  @ApiNoContentResponse({ description: 'Deleted: later runs no longer apply it.' })
  async delete(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    await this.exceptions.delete(scopeOf(caller), id);
  }
}
