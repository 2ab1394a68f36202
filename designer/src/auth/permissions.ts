import type { AccessRole } from '../../../workflows/domain/access-role';

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
