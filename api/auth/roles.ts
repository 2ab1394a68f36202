import type { AccessRole } from '../../workflows/domain';

/**
 * The roles a person may give an API token: their own or a narrower one. Ops and managers do
 * different jobs, so neither includes the other; every role includes viewer.
 */
const narrower: Record<AccessRole, readonly AccessRole[]> = {
  admin: ['admin', 'ops', 'manager', 'member', 'viewer'],
  ops: ['ops', 'viewer'],
  manager: ['manager', 'member', 'viewer'],
  member: ['member', 'viewer'],
  viewer: ['viewer'],
};

export const grantableRoles = (role: AccessRole): readonly AccessRole[] => narrower[role];

export const canGrant = (holder: AccessRole, wanted: AccessRole) => narrower[holder].includes(wanted);
