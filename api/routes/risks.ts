import { type z } from '@hono/zod-openapi';
import { deleteRisk, findRisk, insertRisk, listRisks, raiseTriggeredRisks, updateRisk } from '../../db/queries/risks';
import type { Risk as RiskRow } from '../../db/schema';
import { requireProjectAccess } from '../access/project-access';
import { requirePhase, requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { editPlan, inProject, requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { Risk } from '../contract/risks';
import * as routes from '../contract/routes/risks';
import { bodyOf, toJson } from '../to-json';

const riskBody = bodyOf(Risk);
export const riskDto = (r: RiskRow): z.infer<typeof Risk> => riskBody(toJson(r));

export function risksRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      routes.listRisks,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const { status } = c.req.valid('query');
        const risks = await listRisks(db, id);
        return c.json(risks.filter((r) => !status || r.status === status).map(riskDto), 200);
      },
    )
    .openapi(
      routes.createRisk,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its risk register');
        const body = c.req.valid('json');
        const risk = await editPlan(db, id, async (trx) => {
          await requireUsers(trx, [{ path: 'ownerId', id: body.ownerId }]);
          const created = await insertRisk(trx, {
            ...body,
            projectId: id,
            earlyWarning: body.earlyWarning ? JSON.stringify(body.earlyWarning) : null,
          });
          await raiseTriggeredRisks(trx, id, new Date());
          return (await findRisk(trx, id, created.id))!;
        });
        return c.json(riskDto(risk), 201);
      },
    )
    .openapi(
      routes.getRisk,
      async (c) => {
        const { id, riskId } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const risk = await findRisk(db, id, riskId);
        if (!risk) throw notFound('Risk', riskId);
        return c.json(riskDto(risk), 200);
      },
    )
    .openapi(
      routes.updateRisk,
      async (c) => {
        const { id, riskId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its risk register');
        const { status, ...planFields } = c.req.valid('json');
        const risk = await inProject(db, id, async (trx, project) => {
          if (!(await findRisk(trx, id, riskId))) throw notFound('Risk', riskId);
          if (Object.keys(planFields).length > 0) requirePhase('editPlan', project);
          await requireUsers(trx, [{ path: 'ownerId', id: planFields.ownerId }]);
          await updateRisk(trx, id, riskId, {
            ...planFields,
            status,
            earlyWarning: planFields.earlyWarning === undefined ? undefined : planFields.earlyWarning ? JSON.stringify(planFields.earlyWarning) : null,
            // A new rule is watched afresh.
            ...(planFields.earlyWarning !== undefined ? { raisedAt: null } : {}),
          });
          await raiseTriggeredRisks(trx, id, new Date());
          return (await findRisk(trx, id, riskId))!;
        });
        return c.json(riskDto(risk), 200);
      },
    )
    .openapi(
      routes.deleteRisk,
      async (c) => {
        const { id, riskId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its risk register');
        await editPlan(db, id, async (trx) => {
          if (!(await deleteRisk(trx, id, riskId))) throw notFound('Risk', riskId);
        });
        return c.body(null, 204);
      },
    );
}
