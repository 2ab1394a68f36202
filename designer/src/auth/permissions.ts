import type { AccessRole } from '../../../workflows/domain/access-role';
import { i18next } from '../i18n/i18n';

// Read at each use, in the language the page shows then (a module-level text would keep the first one).

/** A role's name: "Manager", "经理". */
export const roleLabel = (role: AccessRole): string => i18next.t(`auth:roles.${role}`);

/** What a role may do, in a few words. */
export const roleHelpText = (role: AccessRole): string => i18next.t(`auth:roleHelp.${role}`);

/** The role names by role, for `roleLabels[role]`: each read translates anew. */
export const roleLabels: Readonly<Record<AccessRole, string>> = {
  get admin() { return roleLabel('admin'); },
  get ops() { return roleLabel('ops'); },
  get manager() { return roleLabel('manager'); },
  get member() { return roleLabel('member'); },
  get viewer() { return roleLabel('viewer'); },
};

export const roleHelp: Readonly<Record<AccessRole, string>> = {
  get admin() { return roleHelpText('admin'); },
  get ops() { return roleHelpText('ops'); },
  get manager() { return roleHelpText('manager'); },
  get member() { return roleHelpText('member'); },
  get viewer() { return roleHelpText('viewer'); },
};
