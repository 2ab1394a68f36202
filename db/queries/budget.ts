import { sql } from 'kysely';
import type { Db } from '../connect';
import type { BudgetLine, BudgetLineUpdate, NewBudgetLine } from '../schema';

/** A budget line with what is left of it, computed exactly by the database (negative = overspent). */
export type BudgetLineWithRemaining = BudgetLine & { remaining: string };

export interface BudgetTotals {
  planned: string;
  spent: string;
  remaining: string;
  lines: number;
  overspentLines: number;
}

const remaining = sql<string>`planned - spent`.as('remaining');

export async function insertBudgetLine(db: Db, line: NewBudgetLine): Promise<BudgetLineWithRemaining> {
  return db.insertInto('budget_lines').values(line).returningAll().returning(remaining).executeTakeFirstOrThrow();
}

export async function findBudgetLine(db: Db, projectId: string, id: string): Promise<BudgetLineWithRemaining | undefined> {
  return db
    .selectFrom('budget_lines')
    .selectAll()
    .select(remaining)
    .where('projectId', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listBudgetLines(db: Db, projectId: string): Promise<BudgetLineWithRemaining[]> {
  return db
    .selectFrom('budget_lines')
    .selectAll()
    .select(remaining)
    .where('projectId', '=', projectId)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function updateBudgetLine(
  db: Db,
  projectId: string,
  id: string,
  changes: BudgetLineUpdate,
): Promise<BudgetLineWithRemaining | undefined> {
  return db
    .updateTable('budget_lines')
    .set(changes)
    .where('projectId', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .returning(remaining)
    .executeTakeFirst();
}

export async function deleteBudgetLine(db: Db, projectId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('budget_lines').where('projectId', '=', projectId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Exact sums over the project's lines (numeric, as strings). */
export async function budgetTotals(db: Db, projectId: string): Promise<BudgetTotals> {
  const row = await db
    .selectFrom('budget_lines')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('planned'), sql<string>`0`).as('planned'),
      eb.fn.coalesce(eb.fn.sum<string>('spent'), sql<string>`0`).as('spent'),
      eb.fn.coalesce(sql<string>`sum(planned - spent)`, sql<string>`0`).as('remaining'),
      eb.fn.countAll<number>().as('lines'),
      sql<number>`count(*) filter (where spent > planned)::int`.as('overspentLines'),
    ])
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  return {
    planned: String(row.planned),
    spent: String(row.spent),
    remaining: String(row.remaining),
    lines: Number(row.lines),
    overspentLines: Number(row.overspentLines),
  };
}
