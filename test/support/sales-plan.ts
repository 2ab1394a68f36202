import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect';
import { replaceGoalAllocation } from '../../db/queries/goal-allocations';
import type { SalesProject } from '../../db/schema';
import type { LifecyclePhase } from '../../workflows/sales-project-messages';
import { inSeconds } from './factories';

export { createUser } from './people';

/**
 * A project of this test's own, written straight to the database: the plan API is tested without
 * starting a lifecycle, and a test can put the project in any phase.
 */
export async function createPlanProject(
  db: Db,
  options: { ownerId: string; periodStart: string; periodEnd: string; phase?: LifecyclePhase },
): Promise<SalesProject> {
  return db
    .insertInto('sales_projects')
    .values({
      name: `Plan ${randomUUID().slice(0, 8)}`,
      ownerId: options.ownerId,
      periodStart: options.periodStart,
      periodEnd: options.periodEnd,
      phase: options.phase ?? 'planning',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPhase(db: Db, projectId: string, phase: LifecyclePhase): Promise<void> {
  await db.updateTable('sales_projects').set({ phase }).where('id', '=', projectId).execute();
}

type ProjectTable = 'goals' | 'milestones' | 'budget_lines' | 'risks' | 'tasks' | 'kpi_reports' | 'project_members';

/** Row counts of one project's plan tables, to show that a refused request wrote nothing. */
export async function planCounts(db: Db, projectId: string): Promise<Record<ProjectTable, number>> {
  const tables: ProjectTable[] = ['goals', 'milestones', 'budget_lines', 'risks', 'tasks', 'kpi_reports', 'project_members'];
  const counts = await Promise.all(
    tables.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('projectId', '=', projectId)
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<ProjectTable, number>;
}

/** A full-year 2027 revenue goal in Shanghai time, as the example has it. */
export const revenueGoal2027 = {
  metric: 'revenue',
  unit: 'CNY',
  direction: 'at_least',
  target: 5_000_000,
  period: { start: '2027-01-01T00:00:00+08:00', end: '2028-01-01T00:00:00+08:00' },
} as const;

/** The body of a revenue goal of 1,000 CNY that began 30 s ago and ends at `end` (POST …/goals). */
export const revenueGoalUntil = (end: string) => ({
  metric: 'revenue',
  unit: 'CNY',
  direction: 'at_least',
  baseline: null,
  target: 1000,
  period: { start: inSeconds(-30), end },
});

export const year2027 = { periodStart: '2027-01-01T00:00:00+08:00', periodEnd: '2028-01-01T00:00:00+08:00' } as const;

/**
 * Shares a goal among members by weights (1 each unless given), straight through the query the API
 * uses: for tests that need quotas in a phase where the API no longer takes a direct allocation.
 */
export async function allocateByWeights(
  db: Db,
  options: { projectId: string; goalId: string; members: readonly { id: string }[]; weights?: readonly number[]; granularity?: 'month' | 'quarter'; periodWeights?: number[]; timeZone?: string },
): Promise<void> {
  await replaceGoalAllocation(db, {
    projectId: options.projectId,
    goalId: options.goalId,
    granularity: options.granularity ?? 'month',
    periodWeights: options.periodWeights ?? null,
    scale: 0,
    timeZone: options.timeZone ?? null,
    rows: options.members.map((member, index) => ({ userId: member.id, teamId: null, weight: String(options.weights?.[index] ?? 1), amount: null })),
  });
}
