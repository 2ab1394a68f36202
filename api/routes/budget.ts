import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import {
  budgetTotals,
  deleteBudgetLine,
  findBudgetLine,
  insertBudgetLine,
  listBudgetLines,
  updateBudgetLine,
  type BudgetLineWithRemaining,
} from '../../db/queries/budget';
import { requireProjectAccess } from '../access/project-access';
import { requirePhase, requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { editPlan, inProject, round2 } from '../plan-guard';
import { createRouter } from '../router';
import { Budget, BudgetLine } from '../contract/budget';
import * as routes from '../contract/routes/budget';
import { bodyOf, toJson } from '../to-json';

/** Percentages for display; the amounts themselves stay exact decimal strings. */
export function spendingFigures(planned: string, spent: string, remaining: string) {
  const plan = Number(planned);
  const used = Number(spent);
  const overspent = Number(remaining) < 0;
  return {
    planned,
    spent,
    remaining,
    spentPct: plan > 0 ? round2((used * 100) / plan) : null,
    overrunPct: plan > 0 ? (overspent ? round2(((used - plan) * 100) / plan) : 0) : used > 0 ? null : 0,
    overspent,
  };
}

const budgetLineBody = bodyOf(BudgetLine);
export const budgetLineDto = (line: BudgetLineWithRemaining): z.infer<typeof BudgetLine> =>
  budgetLineBody({ ...toJson(line), ...spendingFigures(line.planned, line.spent, String(line.remaining)) });

export async function budgetSummary(db: Db, projectId: string): Promise<z.infer<typeof Budget>> {
  const [lines, totals] = await Promise.all([listBudgetLines(db, projectId), budgetTotals(db, projectId)]);
  return {
    lines: lines.map(budgetLineDto),
    totals: { ...spendingFigures(totals.planned, totals.spent, totals.remaining), lines: totals.lines, overspentLines: totals.overspentLines },
  };
}

export function budgetRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      routes.listBudget,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        return c.json(await budgetSummary(db, id), 200);
      },
    )
    .openapi(
      routes.createBudgetLine,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its budget');
        const body = c.req.valid('json');
        const line = await editPlan(db, id, (trx) =>
          insertBudgetLine(trx, { ...body, projectId: id }),
        );
        return c.json(budgetLineDto(line), 201);
      },
    )
    .openapi(
      routes.updateBudgetLine,
      async (c) => {
        const { id, lineId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'bookSpending', 'change its budget or book spending');
        const patch = c.req.valid('json');
        const line = await inProject(db, id, async (trx, project) => {
          if (!(await findBudgetLine(trx, id, lineId))) throw notFound('Budget line', lineId);
          const changesPlan = patch.category !== undefined || patch.planned !== undefined;
          requirePhase(changesPlan ? 'editPlan' : 'bookSpending', project);
          return (await updateBudgetLine(trx, id, lineId, patch))!;
        });
        return c.json(budgetLineDto(line), 200);
      },
    )
    .openapi(
      routes.getBudgetLine,
      async (c) => {
        const { id, lineId } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const line = await findBudgetLine(db, id, lineId);
        if (!line) throw notFound('Budget line', lineId);
        return c.json(budgetLineDto(line), 200);
      },
    )
    .openapi(
      routes.deleteBudgetLine,
      async (c) => {
        const { id, lineId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its budget');
        await editPlan(db, id, async (trx) => {
          if (!(await deleteBudgetLine(trx, id, lineId))) throw notFound('Budget line', lineId);
        });
        return c.body(null, 204);
      },
    );
}
