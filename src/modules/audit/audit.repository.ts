import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TenantScope } from '../auth/caller';
import { AuditEventEntity, type AuditOutcome } from './entities/audit-event.entity';

export type NewAuditEvent = Omit<AuditEventEntity, 'seq' | 'occurredAt'>;

export interface AuditQuery {
  action?: string;
  outcome?: AuditOutcome;
  keyId?: string;
  targetId?: string;
  /** Events with a sequence number below this one (cursor paging, newest first). */
  before?: string;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async insert(event: NewAuditEvent): Promise<void> {
    await this.events.insert(event);
  }

  list(scope: TenantScope, query: AuditQuery): Promise<AuditEventEntity[]> {
    const builder = this.events.createQueryBuilder('event').orderBy('event.seq', 'DESC').limit(query.limit);
    if (scope.kind === 'organization') {
      builder.andWhere('event.organization_id = :organizationId', { organizationId: scope.organizationId });
    }
    if (query.action) {
      builder.andWhere('event.action = :action', { action: query.action });
    }
    if (query.outcome) {
      builder.andWhere('event.outcome = :outcome', { outcome: query.outcome });
    }
    if (query.keyId) {
      builder.andWhere('event.key_id = :keyId', { keyId: query.keyId });
    }
    if (query.targetId) {
      builder.andWhere('event.target_id = :targetId', { targetId: query.targetId });
    }
    if (query.before) {
      builder.andWhere('event.seq < :before', { before: query.before });
    }
    return builder.getMany();
  }
}
