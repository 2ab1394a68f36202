import { createRoute } from '@hono/zod-openapi';
import { listAuditEvents } from '../../db/queries/audit';
import { requireProjectAccess } from '../access/project-access';
import { accessMay } from '../access/project-actions';
import { roleMay } from '../access/role-abilities';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { createRouter } from '../router';
import { errorResponses } from '../contract/common';
import { AuditPage, AuditQuery } from '../contract/audit';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const onlyManagers = () => new ApiError(403, 'forbidden', "Only admins and the project's managers read its history.");

export function auditRouter({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['audit'],
      summary: 'The audit trail: every change, who made it, when, before and after (newest first)',
      description:
        "Admins read all of it. A manager reads the trail of a project they manage (the owner's managers up the org chart) and must name it with `projectId`.",
      request: { query: AuditQuery },
      responses: { 200: { description: 'One page of changes', content: json(AuditPage) }, ...errorResponses },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const principal = c.get('principal');
      if (!roleMay(principal.role, 'readAuditTrail')) {
        if (!query.projectId) throw new ApiError(403, 'forbidden', 'Only admins read the whole trail; name a project you manage with projectId.');
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
