import { DomainError } from '../../common/errors/domain-error';
import { Role } from './role';

/** The authenticated API key behind a request. */
export interface Caller {
  keyId: string;
  role: Role;
  /** Set for organization-bound roles (client, integration). */
  organizationId: string | null;
}

/** What a repository query may see: everything, or one organization. */
export type TenantScope = { kind: 'all' } | { kind: 'organization'; organizationId: string };

export function scopeOf(caller: Caller): TenantScope {
  if (caller.organizationId !== null) {
    return { kind: 'organization', organizationId: caller.organizationId };
  }
  if (caller.role === Role.Admin || caller.role === Role.Consultant) {
    return { kind: 'all' };
  }
  // A bound role without an organization cannot exist (keys are validated on creation); fail closed.
  throw DomainError.notFound('organization');
}

/** Whether a scope may see an organization's objects. */
export function scopeAllows(scope: TenantScope, organizationId: string): boolean {
  return scope.kind === 'all' || scope.organizationId === organizationId;
}
