import { type z } from '@hono/zod-openapi';
import { saveFunnel } from '../../db/queries/funnel';
import { loadFunnelProgress } from '../../db/queries/funnel-progress';
import type { FunnelStageRow } from '../../db/schema';
import { deriveFunnel, FunnelError } from '../../workflows/domain/sales-plan/funnel';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import { seesTeam } from '../access/sees-team';
import type { AppDeps } from '../deps';
import { fieldDetail, invalidFields, type ErrorDetail } from '../errors';
import { calendarOf, editPlan, requireProject } from '../plan-guard';
import { createRouter } from '../router';
import { Funnel, FunnelBody } from '../contract/funnel';
import * as routes from '../contract/routes/funnel';

/**
 * The funnel as stored, or the 400 naming the faulty field: no stages, a conversion rate outside
 * (0, 1] or on the last stage, a stage twice, an average deal of 0 or less. The rules are the
 * domain's own (`deriveFunnel`), asked with a target of 0 so they hold whatever the goal is.
 */
function checkedFunnel(body: z.infer<typeof FunnelBody>): { averageDeal: string; stages: FunnelStageRow[] } {
  try {
    deriveFunnel({
      target: 0,
      averageDeal: body.averageDeal,
      stages: body.stages.map((stage) => (stage.conversionRate == null ? { key: stage.key } : { key: stage.key, conversionRate: stage.conversionRate })),
      periodAmountsMinor: [1n],
      scale: 8,
    });
  } catch (error) {
    if (error instanceof FunnelError) throw invalidFields([{ ...funnelDetail(error.field, body), code: error.code }]);
    throw error;
  }
  return { averageDeal: body.averageDeal, stages: body.stages.map((stage) => ({ key: stage.key, name: stage.name ?? null, conversionRate: stage.conversionRate ?? null })) };
}

/** The domain's refusal in the reader's language, by the field it names. */
function funnelDetail(field: string, body: z.infer<typeof FunnelBody>): ErrorDetail {
  const stage = /^stages\.(\d+)\.(key|conversionRate)$/.exec(field);
  if (field === 'stages') return fieldDetail(field, 'field.funnelNoStages');
  if (field === 'averageDeal') return fieldDetail(field, 'field.funnelAverageDeal');
  if (stage?.[2] === 'key') return fieldDetail(field, 'field.funnelStageTwice', { key: body.stages[Number(stage[1])]?.key ?? '' });
  const last = Number(stage?.[1]) === body.stages.length - 1;
  return fieldDetail(field, last ? 'field.funnelLastStageRate' : 'field.funnelRate');
}

export function funnelRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(routes.getFunnel, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const access = await requireProjectAccess(db, principal, id, 'read');
      const project = await requireProject(db, id);
      const funnel = await loadFunnelProgress(db, project, calendarOf(project).timeZone, new Date());
      // A rep sees their own part of the funnel; who sees the team sees the team's.
      const holders = seesTeam(principal, access) ? funnel.holders : funnel.holders.filter((holder) => holder.userId === principal.userId);
      return c.json(Funnel.parse({ ...funnel, holders }), 200);
    })
    .openapi(routes.setFunnel, async (c) => {
      const { id } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its funnel');
      const funnel = checkedFunnel(c.req.valid('json'));
      const project = await editPlan(db, id, async (trx, project) => {
        await saveFunnel(trx, id, funnel);
        return project;
      });
      return c.json(Funnel.parse(await loadFunnelProgress(db, project, calendarOf(project).timeZone, new Date())), 200);
    });
}
