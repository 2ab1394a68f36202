import type { AllocationValue } from '../../workflows/domain/sales-plan/allocation-value';
import { DomainError } from '../../workflows/domain/errors';
import { cumulativeByPeriod } from '../../workflows/domain/sales-plan/quota-grid';
import type { Db } from '../connect';
import type { Goal, Milestone, NewMilestone, SalesProject } from '../schema';
import { allocationTimeZone, gridOf, listQuotaHolders, replaceGoalAllocation, type AllocationSet, type StoredAllocation } from './goal-allocations';
import { goalRowKpiMetric, goalRowLabel } from './goals';
import { insertMilestones } from './projects';

/** Each member's own milestones under an allocation: their cumulative quota at the end of every quarter or month. */
export async function plannedMemberMilestones(db: Db, project: Pick<SalesProject, 'id' | 'calendar'>, goal: Goal, allocation: AllocationSet): Promise<NewMilestone[]> {
  const members = allocation.rows.filter((row) => row.userId !== null);
  if (members.length === 0) return [];
  const grid = gridOf(goal, allocation, allocationTimeZone(allocation.plan, project));
  const people = new Map((await listQuotaHolders(db, project.id)).map((p) => [p.id, p.name]));
  const label = goalRowLabel(goal);
  return members.flatMap((row) => {
    const cells = grid.rows.find((r) => r.holderId === row.id);
    if (!cells) return [];
    return cumulativeByPeriod(grid, cells, allocation.plan.granularity).map((period) => ({
      projectId: project.id,
      goalId: goal.id,
      name: `${label} ${period.label} · ${people.get(row.userId!) ?? ''}`,
      metric: goalRowKpiMetric(goal),
      targetValue: period.cumulative,
      targetKind: 'cumulative' as const,
      periodStart: goal.periodStart,
      dueAt: period.end,
      ownerId: row.userId!,
      memberId: row.userId,
      teamId: null,
    }));
  });
}

/** The members' own milestones of a goal, in due order. */
export async function listGoalMemberMilestones(db: Db, goalId: string): Promise<Milestone[]> {
  return db.selectFrom('milestones').selectAll().where('goalId', '=', goalId).where('memberId', 'is not', null).orderBy('dueAt').orderBy('id').execute();
}

const keyOf = (m: { memberId: string | null; dueAt: Date | string }) => `${m.memberId}|${new Date(m.dueAt).toISOString()}`;

/**
 * After a reallocation in a running project: a member's pending milestone due at the same time
 * keeps its id (and so its timers) and takes the new target; a milestone the new allocation no
 * longer has (a member left out, another granularity) is dropped; a new one is created. Milestones
 * already checked (met or missed) stay as the record of what happened.
 */
export async function rewriteMemberMilestones(db: Db, project: Pick<SalesProject, 'id' | 'calendar'>, goal: Goal, allocation: AllocationSet): Promise<{ created: Milestone[]; updated: string[]; dropped: string[] }> {
  const planned = await plannedMemberMilestones(db, project, goal, allocation);
  const existing = new Map((await listGoalMemberMilestones(db, goal.id)).map((m) => [keyOf(m), m]));
  const fresh: NewMilestone[] = [];
  const updated: string[] = [];
  for (const row of planned) {
    const current = existing.get(keyOf({ memberId: row.memberId ?? null, dueAt: row.dueAt as Date }));
    if (!current) {
      fresh.push(row);
      continue;
    }
    existing.delete(keyOf(current));
    if (current.status !== 'pending') continue;
    await db.updateTable('milestones').set({ targetValue: String(row.targetValue), name: row.name }).where('id', '=', current.id).execute();
    updated.push(current.id);
  }
  const dropped = [...existing.values()].filter((m) => m.status === 'pending').map((m) => m.id);
  if (dropped.length > 0) await db.deleteFrom('milestones').where('id', 'in', dropped).execute();
  return { created: await insertMilestones(db, fresh), updated, dropped };
}

/** An allocation value as a set whose grid can be cut before it is stored (rows numbered by position). */
export const allocationSetOf = (value: AllocationValue): AllocationSet => ({
  plan: { granularity: value.granularity, periodWeights: value.weights ?? null, scale: value.scale, timeZone: value.timeZone ?? null },
  rows: value.shares.map((share, index) => ({
    id: String(index),
    userId: share.userId ?? null,
    teamId: share.teamId ?? null,
    weight: share.weight === undefined || share.weight === null ? null : String(share.weight),
    amount: share.amount ?? null,
  })),
});

/** A stored allocation as the value a change request replaces (null when the goal was never shared out). */
export function allocationValueOf(stored: StoredAllocation | undefined): AllocationValue | null {
  if (!stored) return null;
  return {
    granularity: stored.plan.granularity,
    weights: stored.plan.periodWeights,
    scale: stored.plan.scale,
    timeZone: stored.plan.timeZone,
    shares: stored.rows.map((row) => ({
      ...(row.userId ? { userId: row.userId } : { teamId: row.teamId }),
      ...(row.weight !== null ? { weight: Number(row.weight) } : { amount: row.amount ?? '0' }),
    })),
  };
}

/** Applies an approved reallocation: the goal's allocation is replaced and its members' milestones follow. */
export async function applyReallocation(db: Db, goalId: string, after: AllocationValue): Promise<void> {
  const goal = await db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirstOrThrow();
  const project = await db.selectFrom('sales_projects').select(['id', 'calendar']).where('id', '=', goal.projectId).executeTakeFirstOrThrow();
  const stored = await replaceGoalAllocation(db, {
    projectId: project.id,
    goalId,
    granularity: after.granularity,
    periodWeights: after.weights ?? null,
    scale: after.scale,
    timeZone: after.timeZone ?? null,
    rows: allocationSetOf(after).rows.map(({ userId, teamId, weight, amount }) => ({ userId, teamId, weight, amount })),
  });
  await rewriteMemberMilestones(db, project, goal, stored);
}

/**
 * Whether an allocation still fits its goal when it is approved: its members still hold a part of
 * the project, and its amounts stay within the goal's target (an approved target change may have
 * lowered it since the request).
 */
export async function reallocationFits(db: Db, goalId: string, after: AllocationValue): Promise<boolean> {
  const goal = await db.selectFrom('goals').selectAll().where('id', '=', goalId).executeTakeFirst();
  if (!goal) return false;
  const project = await db.selectFrom('sales_projects').select(['id', 'calendar']).where('id', '=', goal.projectId).executeTakeFirstOrThrow();
  const holders = new Set((await listQuotaHolders(db, project.id)).map((p) => p.id));
  if (after.shares.some((share) => share.userId && !holders.has(share.userId))) return false;
  try {
    const set = allocationSetOf(after);
    if (set.rows.length > 0) gridOf(goal, set, allocationTimeZone(set.plan, project));
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
