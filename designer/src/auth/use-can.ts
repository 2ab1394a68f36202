import { allows, type Permission } from './permissions';
import { useSession } from './session-store';

/** Whether the signed-in person's role is offered `permission` (the API still decides each request). */
export function useCan(permission: Permission): boolean {
  return allows(useSession().user.role, permission);
}
