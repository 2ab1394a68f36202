import type { z } from '@hono/zod-openapi';
import type { AccessRole } from '../../workflows/domain';
import type { SessionCan } from '../contract/can';

/**
 * What each role may do anywhere, whichever project: the routes admit these roles (onlyRoles, the
 * project-creation rule, the audit trail) and the session tells the page the same list.
 */
export const roleAbilities = {
  createProject: ['admin', 'manager', 'member'],
  chooseProjectOwner: ['admin', 'manager'],
  editFlows: ['ops', 'admin'],
  managePeople: ['admin'],
  manageTeams: ['admin'],
  readAuditTrail: ['admin'],
  manageCalendars: ['admin'],
  manageChatChannels: ['admin'],
  loadSampleCompany: ['ops', 'admin'],
} as const satisfies Record<keyof z.infer<typeof SessionCan>, readonly AccessRole[]>;

export type RoleAbility = keyof typeof roleAbilities;

export const roleMay = (role: AccessRole, ability: RoleAbility): boolean => (roleAbilities[ability] as readonly AccessRole[]).includes(role);

/** The session's `can`: every role ability, for this role. */
export function sessionCan(role: AccessRole): z.infer<typeof SessionCan> {
  const can = {} as Record<RoleAbility, boolean>;
  for (const ability of Object.keys(roleAbilities) as RoleAbility[]) can[ability] = roleMay(role, ability);
  return can;
}
