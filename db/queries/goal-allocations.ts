import { businessCalendarSchema, defaultBusinessCalendar, type TargetGranularity } from '../../workflows/domain';
import { quotaGrid, type QuotaGrid } from '../../workflows/domain/sales-plan/quota-grid';
import type { Share } from '../../workflows/domain/sales-plan/allocation';
import { fromMinorUnits } from '../../workflows/domain/money';
import type { Db } from '../connect';
import type { Goal, GoalAllocationPlan, GoalAllocationRow, SalesProject } from '../schema';
import { goalRowKpiMetric } from './goals';

/** One holder's quota of one goal: what other parts of the sales plan (incentives, funnel, forecast) read. */
export interface MemberQuota {
  goalId: string;
  /** The metric the goal's KPI reports use (revenue, new_customers, or the custom name). */
  metric: string;
  /** The member who holds it; null when a team does. */
  userId: string | null;
  /** The team that holds it; null when a member does. */
  teamId: string | null;
  /** The holder's part of the goal's target, major units as exact decimal text. */
  quota: string;
  /** The goal's target and period, for pacing and attainment. */
  goalTarget: string;
  periodStart: Date;
  periodEnd: Date;
  /** Each month's part of `quota`, in order; they sum to it exactly. */
  months: { label: string; start: Date; end: Date; amount: string }[];
}

/** What an allocation's grid is cut from: a stored set, or one proposed by a change request. */
export interface AllocationSet {
  plan: Pick<GoalAllocationPlan, 'granularity' | 'periodWeights' | 'scale' | 'timeZone'>;
  rows: Pick<GoalAllocationRow, 'id' | 'userId' | 'teamId' | 'weight' | 'amount'>[];
}

/** A goal's allocation set as stored: its plan and its rows in order. */
export interface StoredAllocation {
  plan: GoalAllocationPlan;
  rows: GoalAllocationRow[];
}

export async function findGoalAllocation(db: Db, goalId: string): Promise<StoredAllocation | undefined> {
  const plan = await db.selectFrom('goal_allocation_plans').selectAll().where('goalId', '=', goalId).executeTakeFirst();
  if (!plan) return undefined;
  const rows = await db.selectFrom('goal_allocations').selectAll().where('goalId', '=', goalId).orderBy('position').execute();
  return { plan, rows };
}

/** Replaces a goal's allocation set (plan and rows) in the caller's transaction. */
export async function replaceGoalAllocation(
  db: Db,
  input: {
    projectId: string;
    goalId: string;
    granularity: TargetGranularity;
    periodWeights: number[] | null;
    scale: number;
    timeZone: string | null;
    rows: { userId: string | null; teamId: string | null; weight: string | null; amount: string | null }[];
  },
): Promise<StoredAllocation> {
  await db.deleteFrom('goal_allocations').where('goalId', '=', input.goalId).execute();
  const plan = await db
    .insertInto('goal_allocation_plans')
    .values({
      goalId: input.goalId,
      projectId: input.projectId,
      granularity: input.granularity,
      periodWeights: input.periodWeights ? JSON.stringify(input.periodWeights) : null,
      scale: input.scale,
      timeZone: input.timeZone,
    })
    .onConflict((oc) =>
      oc.column('goalId').doUpdateSet({
        granularity: input.granularity,
        periodWeights: input.periodWeights ? JSON.stringify(input.periodWeights) : null,
        scale: input.scale,
        timeZone: input.timeZone,
        updatedAt: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  const rows =
    input.rows.length === 0
      ? []
      : await db
          .insertInto('goal_allocations')
          .values(input.rows.map((row, position) => ({ projectId: input.projectId, goalId: input.goalId, position, ...row })))
          .returningAll()
          .execute();
  return { plan, rows: rows.sort((a, b) => a.position - b.position) };
}

export async function deleteGoalAllocation(db: Db, goalId: string): Promise<void> {
  await db.deleteFrom('goal_allocation_plans').where('goalId', '=', goalId).execute();
  await db.deleteFrom('goal_allocations').where('goalId', '=', goalId).execute();
}

/** A stored row as the domain's share (holderId = the row's id). */
export const shareOf = (row: AllocationSet['rows'][number]): Share =>
  row.weight !== null ? { holderId: row.id, weight: Number(row.weight) } : { holderId: row.id, amount: row.amount ?? '0' };

/** The time zone months are cut in: the plan's, else the project calendar's. */
export function allocationTimeZone(plan: Pick<GoalAllocationPlan, 'timeZone'>, project: Pick<SalesProject, 'calendar'>): string {
  if (plan.timeZone) return plan.timeZone;
  const parsed = businessCalendarSchema.safeParse(project.calendar ?? {});
  return (parsed.success ? parsed.data : defaultBusinessCalendar).timeZone;
}

/** Every holder × month cell of a stored allocation (see quotaGrid). */
export function gridOf(goal: Pick<Goal, 'target' | 'periodStart' | 'periodEnd'>, stored: AllocationSet, timeZone: string): QuotaGrid {
  return quotaGrid({
    total: goal.target,
    periodStart: goal.periodStart,
    periodEnd: goal.periodEnd,
    granularity: stored.plan.granularity,
    periodWeights: stored.plan.periodWeights,
    scale: stored.plan.scale,
    timeZone,
    shares: stored.rows.map(shareOf),
  });
}

/**
 * Every member's and team's quota of every allocated goal of a project, with its months — in the
 * goals' order, then the allocation's. Goals nobody holds a part of are left out.
 */
export async function listMemberQuotas(db: Db, projectId: string): Promise<MemberQuota[]> {
  const project = await db.selectFrom('sales_projects').select(['id', 'calendar']).where('id', '=', projectId).executeTakeFirst();
  if (!project) return [];
  const goals = await db.selectFrom('goals').selectAll().where('projectId', '=', projectId).orderBy('createdAt').orderBy('id').execute();
  const plans = await db.selectFrom('goal_allocation_plans').selectAll().where('projectId', '=', projectId).execute();
  const rows = await db.selectFrom('goal_allocations').selectAll().where('projectId', '=', projectId).orderBy('position').execute();
  const quotas: MemberQuota[] = [];
  for (const goal of goals) {
    const plan = plans.find((p) => p.goalId === goal.id);
    const goalRows = rows.filter((row) => row.goalId === goal.id);
    if (!plan || goalRows.length === 0) continue;
    const grid = gridOf(goal, { plan, rows: goalRows }, allocationTimeZone(plan, project));
    for (const row of goalRows) {
      const cells = grid.rows.find((r) => r.holderId === row.id);
      if (!cells) continue;
      quotas.push({
        goalId: goal.id,
        metric: goalRowKpiMetric(goal),
        userId: row.userId,
        teamId: row.teamId,
        quota: fromMinorUnits(cells.totalMinor, grid.scale),
        goalTarget: goal.target,
        periodStart: goal.periodStart,
        periodEnd: goal.periodEnd,
        months: grid.months.map((month, index) => ({ label: month.label, start: month.start, end: month.end, amount: fromMinorUnits(cells.monthsMinor[index] ?? 0n, grid.scale) })),
      });
    }
  }
  return quotas;
}

/** Who may hold a part of a project's goals: its owner and its members (not its viewers), by name. */
export async function listQuotaHolders(db: Db, projectId: string): Promise<{ id: string; name: string }[]> {
  const owner = db
    .selectFrom('sales_projects as p')
    .innerJoin('users as u', 'u.id', 'p.ownerId')
    .select(['u.id', 'u.name'])
    .where('p.id', '=', projectId);
  const members = db
    .selectFrom('project_members as pm')
    .innerJoin('users as u', 'u.id', 'pm.userId')
    .select(['u.id', 'u.name'])
    .where('pm.projectId', '=', projectId)
    .where('pm.role', '<>', 'viewer');
  return db.selectFrom(owner.union(members).as('h')).selectAll().execute();
}

/** The members of each of `teamIds`, and the teams' names. */
export async function listTeamsWithMembers(db: Db, teamIds: readonly string[]): Promise<{ id: string; name: string; memberIds: string[] }[]> {
  if (teamIds.length === 0) return [];
  const teams = await db.selectFrom('teams').select(['id', 'name']).where('id', 'in', [...teamIds]).execute();
  const members = await db.selectFrom('team_members').select(['teamId', 'userId']).where('teamId', 'in', [...teamIds]).execute();
  return teams.map((team) => ({ ...team, memberIds: members.filter((m) => m.teamId === team.id).map((m) => m.userId) }));
}

/** A metric's KPI reports of a project within [from, until], with whose figure each is (its reporter). */
export async function listMemberReports(db: Db, projectId: string, metric: string, from: Date, until: Date): Promise<{ reporterId: string; value: string; reportedAt: Date }[]> {
  return db
    .selectFrom('kpi_reports')
    .select(['reporterId', 'value', 'reportedAt'])
    .where('projectId', '=', projectId)
    .where('metric', '=', metric)
    .where('reportedAt', '>=', from)
    .where('reportedAt', '<=', until)
    .execute();
}

/** Removes the members' own milestones of a goal (before its allocation gives new ones). */
export async function deleteMemberMilestones(db: Db, goalId: string): Promise<void> {
  await db.deleteFrom('milestones').where('goalId', '=', goalId).where('memberId', 'is not', null).execute();
}
