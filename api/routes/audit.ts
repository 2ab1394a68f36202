import { listAuditEvents } from '../../db/queries/audit';
import { requireProjectAccess } from '../access/project-access';
import { accessMay } from '../access/project-actions';
import { roleMay } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { ApiError, said } from '../errors';
import { createRouter } from '../router';
import * as routes from '../contract/routes/audit';

const onlyManagers = () => new ApiError(403, 'forbidden', said('onlyManagersHistory'));

export function auditRouter({ db }: AppDeps) {
  return createRouter().openapi(
    routes.listAudit,
    async (c) => {
      const query = c.req.valid('query');
      const principal = c.get('principal');
      if (!roleMay(principal.role, 'readAuditTrail')) {
        if (!query.projectId) throw new ApiError(403, 'forbidden', said('onlyAdminsWholeTrail', { param: 'projectId' }));
        const access = await requireProjectAccess(db, principal, query.projectId, 'read', "read this project's history");
        if (!accessMay(principal, access, 'readHistory')) throw onlyManagers();
      }
      const rows = await listAuditEvents(db, query);
      const events = rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { kind: r.actorKind as 'user' | 'token' | 'workflow' | 'system', userId: r.actorUserId, name: r.actorName, detail: r.actorDetail },
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        projectId: r.projectId,
        before: r.before,
        after: r.after,
      }));
      return c.json({ events, nextBefore: rows.length === query.limit ? (rows.at(-1)?.id ?? null) : null }, 200);
    },
  );
}
