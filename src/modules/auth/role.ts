export enum Role {
  Admin = 'admin',
  Consultant = 'consultant',
  /** One organization, read-only: engagements, assessments, findings, reports. */
  Client = 'client',
  /** One organization: tickets and read-only results. */
  Integration = 'integration',
}

export const ORGANIZATION_BOUND_ROLES: readonly Role[] = [Role.Client, Role.Integration];
