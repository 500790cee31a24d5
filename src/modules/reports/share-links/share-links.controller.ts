import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { UuidParamPipe } from '../../../common/http/uuid-param.pipe';
import { AuditAction } from '../../audit/audit-action.decorator';
import { CurrentCaller, Roles } from '../../auth/auth.decorators';
import { type Caller, scopeOf } from '../../auth/caller';
import { Role } from '../../auth/role';
import {
  CreatedShareLinkDto,
  CreateShareLinkDto,
  ShareLinkDto,
  ShareLinkListDto,
} from '../dto/share-link.dto';
import { ShareLinkService } from './share-link.service';

/** Share links are the consultancy's to hand out and withdraw; clients download with their own keys. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports/:id/share-links')
export class ShareLinksController {
  constructor(private readonly links: ShareLinkService) {}

  /** The answer holds the link's URL, a bearer secret: no cache may keep it. */
  @Post()
  @Header('Cache-Control', 'no-store')
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('share_link.create', 'result')
  @ApiCreatedResponse({ type: CreatedShareLinkDto })
  async create(
    @Param('id', UuidParamPipe) reportId: string,
    @Body() body: CreateShareLinkDto,
    @CurrentCaller() caller: Caller,
  ): Promise<CreatedShareLinkDto> {
    const { link, url } = await this.links.create(
      scopeOf(caller),
      reportId,
      body.expiresInHours,
      caller.keyId,
    );
    return { ...ShareLinkDto.from(link), url };
  }

  @Get()
  @Roles(Role.Admin, Role.Consultant)
  @ApiOkResponse({ type: ShareLinkListDto })
  async list(
    @Param('id', UuidParamPipe) reportId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ShareLinkListDto> {
    const links = await this.links.list(scopeOf(caller), reportId);
    return { items: links.map((link) => ShareLinkDto.from(link)) };
  }

  /** Revokes the link at once: its URL answers 410 from now on. Revoking twice is harmless. */
  @Delete(':linkId')
  @HttpCode(204)
  @Roles(Role.Admin, Role.Consultant)
  @AuditAction('share_link.revoke', { param: 'linkId' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  async revoke(
    @Param('id', UuidParamPipe) reportId: string,
    @Param('linkId', UuidParamPipe) linkId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<ShareLinkDto> {
    // The link goes to the audit trail (its organization); a 204 carries no body.
    return ShareLinkDto.from(await this.links.revoke(scopeOf(caller), reportId, linkId));
  }
}
