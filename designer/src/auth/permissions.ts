import type { AccessRole } from '../../../workflows/domain/access-role';

/**
 * What the page offers to each role. The API decides every request on its own (and answers 403 or
 * 404); these only keep the page from offering buttons that would be refused.
 */
const can = {
  /** Draw, import, save and publish flows. */
  editFlows: ['admin', 'ops'],
  /** Start a project of one's own (or, for managers and admins, of someone else). */
  createProject: ['admin', 'manager', 'member'],
  /** Choose someone else as a new project's owner. */
  chooseProjectOwner: ['admin', 'manager'],
  /** Read a project's history (the API narrows managers to the projects of their people). */
  readProjectHistory: ['admin', 'manager'],
  /** Read the whole audit trail (everything, everybody). */
  readAuditTrail: ['admin'],
  /** Add people to the org chart and give them roles. */
  managePeople: ['admin'],
} as const satisfies Record<string, readonly AccessRole[]>;

export type Permission = keyof typeof can;

export function allows(role: AccessRole, permission: Permission): boolean {
  return (can[permission] as readonly AccessRole[]).includes(role);
}

export const roleLabels: Record<AccessRole, string> = {
  admin: 'Admin',
  ops: 'Operations',
  manager: 'Manager',
  member: 'Member',
  viewer: 'Viewer',
};

export const roleHelp: Record<AccessRole, string> = {
  admin: 'everything, including people and roles',
  ops: 'design and publish flows',
  manager: 'approve, receive escalations, see the projects of their people',
  member: 'their own projects: report figures, work tasks, answer reviews',
  viewer: 'read only',
};
