import type { Principal } from '../auth/principal';
import type { ProjectAccess } from './project-access';

/**
 * Whether somebody sees the whole team's figures of a project (quotas, funnel, incentives,
 * forecasts, training): whoever may plan it (its owner, the owner's managers, admins), and managers
 * and ops who may read it. Everyone else — its members, its viewers, a viewer-scoped token — sees
 * only their own figures. Every route that shows a team's figures asks this, so none shows more
 * than another.
 */
export function seesTeam(principal: Pick<Principal, 'role'>, access: ProjectAccess | undefined): boolean {
  if (access === undefined) return false;
  return access === 'plan' || principal.role === 'manager' || principal.role === 'ops' || principal.role === 'admin';
}
