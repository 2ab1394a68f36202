import { type z } from '@hono/zod-openapi';
import { deleteRisk, findRisk, insertRisk, listRisks, raiseTriggeredRisks, updateRisk } from '../../db/queries/risks';
import type { Risk as RiskRow } from '../../db/schema';
import { requirePhase } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { requireUsers } from '../plan-guard';
import { projectItemsRouter } from './project-items';
import { Risk } from '../contract/risks';
import { riskRoutes } from '../contract/routes/risks';
import { bodyOf, toJson } from '../to-json';

const riskBody = bodyOf(Risk);
export const riskDto = (r: RiskRow): z.infer<typeof Risk> => riskBody(toJson(r));

export function risksRouter(deps: AppDeps) {
  return projectItemsRouter(deps, {
    routes: riskRoutes,
    noun: 'risk',
    itemId: 'riskId',
    may: ['editPlan', 'change its risk register'],
    // Only the status may change after planning: `update` checks the phase for the rest.
    planningOnly: ['create', 'delete'],
    list: async (db, projectId, { status }) => (await listRisks(db, projectId)).filter((r) => !status || r.status === status).map(riskDto),
    find: findRisk,
    toDto: riskDto,
    insert: async (trx, project, body) => {
      await requireUsers(trx, [{ path: 'ownerId', id: body.ownerId }]);
      const created = await insertRisk(trx, {
        ...body,
        projectId: project.id,
        earlyWarning: body.earlyWarning ? JSON.stringify(body.earlyWarning) : null,
      });
      await raiseTriggeredRisks(trx, project.id, new Date());
      return (await findRisk(trx, project.id, created.id))!;
    },
    update: async (trx, project, current, { status, ...planFields }) => {
      if (Object.keys(planFields).length > 0) requirePhase('editPlan', project);
      await requireUsers(trx, [{ path: 'ownerId', id: planFields.ownerId }]);
      await updateRisk(trx, project.id, current.id, {
        ...planFields,
        status,
        earlyWarning: planFields.earlyWarning === undefined ? undefined : planFields.earlyWarning ? JSON.stringify(planFields.earlyWarning) : null,
        // A new rule is watched afresh.
        ...(planFields.earlyWarning !== undefined ? { raisedAt: null } : {}),
      });
      await raiseTriggeredRisks(trx, project.id, new Date());
      return (await findRisk(trx, project.id, current.id))!;
    },
    remove: deleteRisk,
  });
}
