/** Access roles, from most to least powerful; a token is scoped to one of them. */
/** Access roles, from most to least powerful; a token is scoped to one of them. */
export const accessRoles = ['admin', 'ops', 'manager', 'member', 'viewer'] as const;
export type AccessRole = (typeof accessRoles)[number];
