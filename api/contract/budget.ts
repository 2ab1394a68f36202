import { z } from '@hono/zod-openapi';
import { projectItemParams, patchBodyOf, Name } from './common';
import { NonNegativeDecimal } from './plan';

const category = Name(200);

export const NewBudgetLineBody = z
  .strictObject({ category, planned: NonNegativeDecimal, spent: NonNegativeDecimal.optional() })
  .openapi('NewBudgetLine');

/** `spent` can be booked in every phase; category and planned are part of the plan. */
export const BudgetLinePatchBody = patchBodyOf({ category, planned: NonNegativeDecimal, spent: NonNegativeDecimal }).openapi('BudgetLinePatch');

export const BudgetLineParams = projectItemParams('lineId');

/** Spending against plan, like a KPI: how much of the plan is used and by how much it is overrun. */
const spending = {
  planned: z.string(),
  spent: z.string(),
  /** planned − spent, exact; negative when overspent. */
  remaining: z.string(),
  /** spent as % of planned; null when nothing was planned. */
  spentPct: z.number().nullable(),
  /** How far spending is above plan, in % of planned (0 within plan; null when spending with nothing planned). */
  overrunPct: z.number().nullable(),
  overspent: z.boolean(),
};

export const BudgetLine = z
  .object({ id: z.string(), projectId: z.string(), category: z.string(), ...spending, createdAt: z.string() })
  .openapi('BudgetLine');

export const BudgetTotals = z.object({ ...spending, lines: z.number(), overspentLines: z.number() }).openapi('BudgetTotals');

export const Budget = z.object({ lines: z.array(BudgetLine), totals: BudgetTotals }).openapi('Budget');

export type Budget = z.infer<typeof Budget>;
export type BudgetLine = z.infer<typeof BudgetLine>;
