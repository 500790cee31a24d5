import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../../common/http/uuid-param.pipe';
import { AuditAction } from '../audit/audit-action.decorator';
import { CurrentCaller, Roles } from './auth.decorators';
import { ApiKeyService } from './api-key.service';
import type { Caller } from './caller';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { Role } from './role';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @Roles(Role.Admin)
  @AuditAction('api-key.create')
  async create(@Body() body: CreateApiKeyDto, @CurrentCaller() caller: Caller): Promise<CreatedApiKeyDto> {
    const created = await this.keys.create({
      name: body.name,
      role: body.role,
      organizationId: body.organizationId ?? null,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      createdByKeyId: caller.keyId,
    });
    return { ...ApiKeyDto.from(created.entity), key: created.key };
  }

  @Get()
  @Roles(Role.Admin)
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map((key) => ApiKeyDto.from(key));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @AuditAction('api-key.revoke')
  async revoke(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
