import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AuditInterceptor } from './audit.interceptor';

export const AUDIT_ACTION = 'kubeassay:audit-action';
export const AUDIT_TARGET = 'kubeassay:audit-target';

/**
 * Where the target's id is: a route parameter (`id` unless said otherwise), or the `id` of the object the
 * handler returns (`'result'`, for a route that creates something under another object, e.g. a report of an
 * assessment). A handler's result that names an `organizationId` gives the event its organization.
 */
export type AuditTarget = { param: string } | 'result';

/**
 * Names the action a mutating route records in the audit trail (e.g. `cluster.create`) and attaches the
 * interceptor that records it. Per route rather than global, so reads do not pay for an interceptor that
 * would let them through; the route-policies test fails on a mutating route without one.
 */
export const AuditAction = (action: string, target: AuditTarget = { param: 'id' }) =>
  applyDecorators(
    SetMetadata(AUDIT_ACTION, action),
    SetMetadata(AUDIT_TARGET, target),
    UseInterceptors(AuditInterceptor),
  );
