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
import { requirePhase } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { round2 } from '../plan-guard';
import { Dec, percentOf } from '../../workflows/domain/decimal';
import { overrunPercent } from '../../workflows/domain/spending';
import { projectItemsRouter } from './project-items';
import { Budget, BudgetLine } from '../contract/budget';
import { budgetRoutes } from '../contract/routes/budget';
import { bodyOf, toJson } from '../to-json';

/** Percentages for display; the amounts themselves stay exact decimal strings. */
export function spendingFigures(planned: string, spent: string, remaining: string) {
  // Computed on the exact decimals; only the percentages become numbers, rounded for display.
  const plan = new Dec(planned);
  const overspent = new Dec(remaining).isNegative() && !new Dec(remaining).isZero();
  return {
    planned,
    spent,
    remaining,
    spentPct: plan.gt(0) ? round2(percentOf(spent, planned)) : null,
    overrunPct: overrunPercent(planned, spent),
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

export function budgetRouter(deps: AppDeps) {
  return projectItemsRouter(deps, {
    routes: budgetRoutes,
    noun: 'budgetLine',
    itemId: 'lineId',
    may: {
      create: ['editPlan', 'change its budget'],
      update: ['bookSpending', 'change its budget or book spending'],
      delete: ['editPlan', 'change its budget'],
    },
    // Spending is booked in every phase: `update` checks the phase for what it changes.
    planningOnly: ['create', 'delete'],
    list: (db, projectId) => budgetSummary(db, projectId),
    find: findBudgetLine,
    toDto: budgetLineDto,
    insert: (trx, project, body) => insertBudgetLine(trx, { ...body, projectId: project.id }),
    update: async (trx, project, current, patch) => {
      const changesPlan = patch.category !== undefined || patch.planned !== undefined;
      requirePhase(changesPlan ? 'editPlan' : 'bookSpending', project);
      return (await updateBudgetLine(trx, project.id, current.id, patch))!;
    },
    remove: deleteBudgetLine,
  });
}
