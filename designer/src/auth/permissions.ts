import { accessRoles, type AccessRole } from '../../../workflows/domain/access-role';
import { i18next } from '../i18n/i18n';

// Read at each use, in the language the page shows then (a module-level text would keep the first one).

/** A role's name: "Manager", "经理". */
export const roleLabel = (role: AccessRole): string => i18next.t(`auth:roles.${role}`);

/** What a role may do, in a few words. */
export const roleHelpText = (role: AccessRole): string => i18next.t(`auth:roleHelp.${role}`);

/** A text per role whose every read translates anew, for `roleLabels[role]`. */
function perRole(read: (role: AccessRole) => string): Readonly<Record<AccessRole, string>> {
  const byRole = {} as Record<AccessRole, string>;
  for (const role of accessRoles) Object.defineProperty(byRole, role, { get: () => read(role), enumerable: true });
  return byRole;
}

export const roleLabels = perRole(roleLabel);
export const roleHelp = perRole(roleHelpText);
