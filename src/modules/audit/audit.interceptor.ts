import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, map, mergeMap, type Observable, throwError } from 'rxjs';
import { callerOf } from '../auth/auth.decorators';
import { AUDIT_ACTION, AUDIT_TARGET, type AuditTarget } from './audit-action.decorator';
import { AuditService, failureOf } from './audit.service';
import { AuditOutcome } from './entities/audit-event.entity';

/** The target's organization, when the handler returns an object that names one. */
function organizationOf(result: unknown): string | undefined {
  const value = (result as { organizationId?: unknown } | null)?.organizationId;
  return typeof value === 'string' ? value : undefined;
}

/** Records a mutating request after the handler ran: what, on which object, and how it ended (see AuditAction). */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const action = this.reflector.get<string>(AUDIT_ACTION, context.getHandler());
    const target = this.reflector.get<AuditTarget>(AUDIT_TARGET, context.getHandler());
    const param = target === 'result' ? undefined : request.params[target.param];
    const record = (outcome: AuditOutcome, status: number, result?: unknown) => {
      const caller = callerOf(request);
      const targetId = typeof param === 'string' ? param : (result as { id?: unknown } | undefined)?.id;
      return this.audit.record({
        request,
        ...(caller && { caller }),
        action,
        outcome,
        status,
        targetType: action.split('.')[0],
        ...(typeof targetId === 'string' && { targetId }),
        ...(organizationOf(result) && { organizationId: organizationOf(result) }),
      });
    };
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(record(AuditOutcome.Success, this.successStatus(context, request), result)).pipe(
          map(() => result),
        ),
      ),
      catchError((error: unknown) => {
        const { outcome, status } = failureOf(error);
        return from(record(outcome, status)).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  /** The status Nest will send: the route's @HttpCode, else 201 for POST and 200 otherwise. */
  private successStatus(context: ExecutionContext, request: Request): number {
    const declared = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler());
    return declared ?? (request.method === 'POST' ? 201 : 200);
  }
}
