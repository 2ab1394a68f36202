import type { Db } from '../db/connect';
import { resolveCalendar } from '../db/queries/calendars';
import { allocationTimeZone, findGoalAllocation, gridOf, listQuotaHolders, listTeamsWithMembers, type AllocationSet } from '../db/queries/goal-allocations';
import { findGoal } from '../db/queries/goals';
import { allocationSetOf, allocationValueOf, listGoalMemberMilestones, plannedMemberMilestones } from '../db/queries/member-milestones';
import { getProject } from '../db/queries/projects';
import type { Goal, SalesProject } from '../db/schema';
import type { AllocationValue } from '../workflows/domain/sales-plan/allocation-value';
import { fromMinorUnits } from '../workflows/domain/money';
import { milestoneCheckTimes } from '../workflows/domain/milestone-schedule';
import type { CheckMove, ReallocationPreview } from './contract/lifecycle';
import { ApiError, fieldDetail, invalidFields } from './errors';
import { checkAllocation, requireAllocatable } from './routes/quota';
import type { z } from '@hono/zod-openapi';

type Preview = z.infer<typeof ReallocationPreview>;

/** The allocation checks' refusals, their paths within the change request's body (`after.shares.0.userId`). */
async function asRequested<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      throw invalidFields(error.details.map((detail) => ({ ...detail, path: detail.path === 'goalId' ? 'subjectId' : `after.${detail.path}` })));
    }
    throw error;
  }
}

/**
 * The allocation a reallocation would replace (null when the goal was never shared out); 400
 * naming the field when the goal is not this project's or not a total to share out, or when the
 * new shares do not fit (an unknown member, amounts above the target).
 */
export async function allocationBefore(db: Db, projectId: string, subjectId: string, after: AllocationValue): Promise<AllocationValue | null> {
  const goal = await findGoal(db, projectId, subjectId);
  if (!goal) throw invalidFields([fieldDetail('subjectId', 'field.goalNotInProject')]);
  const project = await getProject(db, projectId);
  await asRequested(async () => {
    requireAllocatable(goal);
    await checkAllocation(db, project, goal, { ...after, weights: after.weights ?? undefined, timeZone: after.timeZone ?? undefined } as Parameters<typeof checkAllocation>[3]);
  });
  return allocationValueOf(await findGoalAllocation(db, goal.id));
}

/** Each holder's quota under an allocation set, by `userId` or `teamId`. */
function quotasOf(project: SalesProject, goal: Goal, set: AllocationSet): Map<string, string> {
  const quotas = new Map<string, string>();
  if (set.rows.length === 0) return quotas;
  const grid = gridOf(goal, set, allocationTimeZone(set.plan, project));
  for (const row of set.rows) {
    const cells = grid.rows.find((r) => r.holderId === row.id);
    if (cells) quotas.set((row.userId ?? row.teamId)!, fromMinorUnits(cells.totalMinor, grid.scale));
  }
  return quotas;
}

const keyOf = (memberId: string | null, dueAt: Date | string) => `${memberId}|${new Date(dueAt).toISOString()}`;

/**
 * What a reallocation would do, shown before anyone approves it: each holder's quota and own
 * milestones before and after, and the timers that would start (new milestones) or stop
 * (milestones dropped). A kept milestone keeps its due date, so its timers stay.
 */
export async function reallocationPreview(db: Db, projectId: string, goalId: string, after: AllocationValue): Promise<{ reallocation: Preview[]; moves: CheckMove[] }> {
  const project = await getProject(db, projectId);
  const goal = (await findGoal(db, projectId, goalId))!;
  const stored = await findGoalAllocation(db, goal.id);
  const beforeSet: AllocationSet = stored ?? { plan: { granularity: after.granularity, periodWeights: null, scale: 0, timeZone: null }, rows: [] };
  const afterSet = allocationSetOf(after);
  const quotasBefore = quotasOf(project, goal, beforeSet);
  const quotasAfter = quotasOf(project, goal, afterSet);
  const existing = await listGoalMemberMilestones(db, goal.id);
  const planned = await plannedMemberMilestones(db, project, goal, afterSet);

  const people = new Map((await listQuotaHolders(db, projectId)).map((p) => [p.id, p.name]));
  const holders = [...beforeSet.rows, ...afterSet.rows];
  const teams = new Map((await listTeamsWithMembers(db, holders.flatMap((row) => (row.teamId ? [row.teamId] : [])))).map((t) => [t.id, t.name]));
  const seen = new Set<string>();
  const reallocation: Preview[] = [];
  for (const row of holders) {
    const id = (row.userId ?? row.teamId)!;
    if (seen.has(id)) continue;
    seen.add(id);
    reallocation.push({
      userId: row.userId,
      teamId: row.teamId,
      name: row.userId ? (people.get(row.userId) ?? '') : (teams.get(row.teamId!) ?? ''),
      before: {
        quota: quotasBefore.get(id) ?? null,
        milestones: existing.filter((m) => row.userId !== null && m.memberId === row.userId).map((m) => ({ name: m.name, dueAt: m.dueAt.toISOString(), target: String(m.targetValue) })),
      },
      after: {
        quota: quotasAfter.get(id) ?? null,
        milestones: planned.filter((m) => row.userId !== null && m.memberId === row.userId).map((m) => ({ name: m.name, dueAt: new Date(m.dueAt as Date).toISOString(), target: String(m.targetValue) })),
      },
    });
  }

  const calendar = await resolveCalendar(db, project.calendar);
  const checkAt = (dueAt: Date, warningOffset: unknown = null) =>
    milestoneCheckTimes({ dueAt, periodEnd: project.periodEnd, monitoringDays: Number(project.monitoringDays), warningOffset: warningOffset as never, calendar }).checkAt.toISOString();
  const plannedKeys = new Set(planned.map((m) => keyOf(m.memberId ?? null, m.dueAt as Date)));
  const existingKeys = new Set(existing.map((m) => keyOf(m.memberId, m.dueAt)));
  const moves: CheckMove[] = [
    ...existing.filter((m) => m.status === 'pending' && !plannedKeys.has(keyOf(m.memberId, m.dueAt))).map((m) => ({ milestoneId: m.id, milestoneName: m.name, kind: 'due' as const, from: checkAt(m.dueAt, m.warningOffset), to: null })),
    ...planned.filter((m) => !existingKeys.has(keyOf(m.memberId ?? null, m.dueAt as Date))).map((m) => ({ milestoneId: null, milestoneName: m.name, kind: 'due' as const, from: null, to: checkAt(new Date(m.dueAt as Date)) })),
  ];
  return { reallocation, moves };
}
