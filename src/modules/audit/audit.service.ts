import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { requestIdOf } from '../../common/http/request-id';
import type { Caller } from '../auth/caller';
import { AuditRepository } from './audit.repository';
import type { AuditOutcome } from './entities/audit-event.entity';

export interface AuditRecord {
  request: Request;
  caller?: Caller;
  action: string;
  outcome: AuditOutcome;
  status: number;
  targetType?: string;
  targetId?: string;
  /** The organization the target belongs to, when known; else the caller's. */
  organizationId?: string | null;
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly events: AuditRepository) {}

  /** Records an event; a failure to record is logged, never turned into a second failure of the request. */
  async record(record: AuditRecord): Promise<void> {
    const { request, caller } = record;
    try {
      await this.events.insert({
        keyId: caller?.keyId ?? null,
        role: caller?.role ?? null,
        organizationId: record.organizationId ?? caller?.organizationId ?? null,
        action: record.action,
        targetType: record.targetType ?? null,
        targetId: record.targetId ?? null,
        outcome: record.outcome,
        status: record.status,
        requestId: requestIdOf(request),
        sourceAddress: request.ip ?? request.socket.remoteAddress ?? null,
        method: request.method,
        path: (request.originalUrl ?? request.url).split('?')[0]!.slice(0, 300),
      });
    } catch (error) {
      this.logger.error(
        `audit event not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
