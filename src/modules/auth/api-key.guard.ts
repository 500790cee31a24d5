import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode, HTTP_STATUS } from '../../common/errors/error-code';
import { AuditService } from '../audit/audit.service';
import { AuditOutcome } from '../audit/entities/audit-event.entity';
import { ALLOWED_ROLES, attachCaller, PUBLIC_ROUTE } from './auth.decorators';
import { ApiKeyService } from './api-key.service';
import type { Caller } from './caller';
import type { Role } from './role';

/** Every route: a valid key with an allowed role, unless marked @Public. Failures are audited. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<string | undefined>(PUBLIC_ROUTE, targets) !== undefined) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request>();
    const caller = await this.authenticate(request);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!roles) {
      this.logger.error(`route ${request.method} ${request.path} declares no roles: denied`);
    }
    if (!roles?.includes(caller.role)) {
      await this.deny(
        request,
        caller,
        new DomainError(ErrorCode.Forbidden, `the ${caller.role} role may not do this`),
      );
    }
    attachCaller(request, caller);
    return true;
  }

  private async authenticate(request: Request): Promise<Caller> {
    const header = request.header('authorization');
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      return this.deny(
        request,
        undefined,
        new DomainError(ErrorCode.AuthenticationRequired, 'an API key is required'),
      );
    }
    try {
      return await this.keys.authenticate(match[1]!);
    } catch (error) {
      return this.deny(request, undefined, error);
    }
  }

  private async deny(request: Request, caller: Caller | undefined, error: unknown): Promise<never> {
    const status = error instanceof DomainError ? HTTP_STATUS[error.code] : 500;
    await this.audit.record({
      request,
      ...(caller && { caller }),
      action: status === 403 ? 'authorization.denied' : 'authentication.failed',
      outcome: AuditOutcome.Denied,
      status,
    });
    throw error;
  }
}
