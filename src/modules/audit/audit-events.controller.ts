import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, Roles } from '../auth/auth.decorators';
import { type Caller, scopeOf } from '../auth/caller';
import { Role } from '../auth/role';
import { AuditRepository } from './audit.repository';
import { AuditEventDto, AuditEventPageDto, AuditEventQueryDto } from './dto/audit-event.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditRepository) {}

  /** Admins see everything; clients see their own organization's events. */
  @Get()
  @Roles(Role.Admin, Role.Client)
  async list(
    @Query() query: AuditEventQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<AuditEventPageDto> {
    const limit = query.limit ?? 100;
    const events = await this.events.list(scopeOf(caller), {
      limit,
      ...(query.action && { action: query.action }),
      ...(query.outcome && { outcome: query.outcome }),
      ...(query.keyId && { keyId: query.keyId }),
      ...(query.targetId && { targetId: query.targetId }),
      ...(query.cursor && { before: query.cursor }),
    });
    return {
      items: events.map((event) => AuditEventDto.from(event)),
      nextCursor: events.length === limit ? events[events.length - 1]!.seq : null,
    };
  }
}
