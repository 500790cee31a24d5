import { HttpException, Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { HTTP_STATUS } from '../../common/errors/error-code';
import { requestIdOf } from '../../common/http/request-id';
import { pathWithoutSecrets } from '../../common/http/secret-paths';
import type { Caller } from '../auth/caller';
import { AuditRepository } from './audit.repository';
import { AuditOutcome } from './entities/audit-event.entity';

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
  details?: Record<string, string>;
}

/** Statuses that refuse a caller (404 also for another tenant's object; 410 for a dead share link). */
const REFUSALS = [401, 403, 404, 410];

/** How a request that threw ended, refused or failed, and its status. */
export function failureOf(error: unknown): { outcome: AuditOutcome; status: number } {
  let status = 500;
  if (error instanceof DomainError) {
    status = HTTP_STATUS[error.code];
  } else if (error instanceof HttpException) {
    status = error.getStatus();
  }
  return { outcome: REFUSALS.includes(status) ? AuditOutcome.Denied : AuditOutcome.Failed, status };
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
        path: pathWithoutSecrets((request.originalUrl ?? request.url).split('?')[0]!).slice(0, 300),
        details: record.details ?? null,
      });
    } catch (error) {
      this.logger.error(
        `audit event not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
