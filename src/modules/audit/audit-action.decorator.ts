import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { AuditInterceptor } from './audit.interceptor';

export const AUDIT_ACTION = 'kubeassay:audit-action';

/**
 * Names the action a mutating route records in the audit trail (e.g. `cluster.create`) and attaches the
 * interceptor that records it. Per route rather than global, so reads do not pay for an interceptor that
 * would let them through; the route-policies test fails on a mutating route without one.
 */
export const AuditAction = (action: string) =>
  applyDecorators(SetMetadata(AUDIT_ACTION, action), UseInterceptors(AuditInterceptor));
