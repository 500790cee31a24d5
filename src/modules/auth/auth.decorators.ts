import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Caller } from './caller';
import type { Role } from './role';

export const PUBLIC_ROUTE = 'kubeassay:public';
export const ALLOWED_ROLES = 'kubeassay:roles';

/** No API key needed (health probes, metrics, the API document). The reason is kept for reviewers. */
export const Public = (reason: string) => SetMetadata(PUBLIC_ROUTE, reason);

/** The roles that may call a route; every non-public route must say. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

const CALLER = Symbol('caller');

export function attachCaller(request: Request, caller: Caller): void {
  (request as Request & { [CALLER]?: Caller })[CALLER] = caller;
}

export function callerOf(request: Request): Caller | undefined {
  return (request as Request & { [CALLER]?: Caller })[CALLER];
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = callerOf(context.switchToHttp().getRequest<Request>());
  if (!caller) {
    throw new Error('CurrentCaller used on a route without authentication');
  }
  return caller;
});
