import type { Db } from '../db/connect';
import { allocationTimeZone, deleteMemberMilestones, findGoalAllocation, gridOf, listQuotaHolders, listTeamsWithMembers, type StoredAllocation } from '../db/queries/goal-allocations';
import { plannedMemberMilestones } from '../db/queries/member-milestones';
import { insertMilestones } from '../db/queries/projects';
import type { Goal, SalesProject } from '../db/schema';
import { DecompositionError } from '../workflows/domain';
import { AllocationError } from '../workflows/domain/sales-plan/allocation';
import { invalidFields } from './errors';

/** The names of an allocation's holders: the project's people, and its teams with their members. */
export async function holderNames(db: Db, projectId: string, stored: StoredAllocation) {
  const people = new Map((await listQuotaHolders(db, projectId)).map((p) => [p.id, p.name]));
  const teams = await listTeamsWithMembers(db, stored.rows.flatMap((row) => (row.teamId ? [row.teamId] : [])));
  return { people, teams };
}

/** Each member's own milestones: their cumulative quota at the end of every quarter or month. */
export async function giveMembersMilestones(db: Db, project: SalesProject, goal: Goal, stored: StoredAllocation): Promise<void> {
  await deleteMemberMilestones(db, goal.id);
  await insertMilestones(db, await plannedMemberMilestones(db, project, goal, stored));
}

/**
 * After a goal's target or period changed in planning: its members' milestones follow their
 * shares of the new target. 400 naming the goal's field when the allocation no longer fits it
 * (amounts above the new target, period weights for another number of quarters or months).
 */
export async function followAllocation(db: Db, project: SalesProject, goal: Goal): Promise<void> {
  const stored = await findGoalAllocation(db, goal.id);
  if (!stored || stored.rows.length === 0) return;
  try {
    gridOf(goal, stored, allocationTimeZone(stored.plan, project));
  } catch (error) {
    if (error instanceof AllocationError) throw invalidFields([{ path: 'target', message: `its allocation to members no longer fits: ${error.message}`, code: error.code }]);
    if (error instanceof DecompositionError) throw invalidFields([{ path: 'period', message: `its allocation to members no longer fits: ${error.message}`, code: error.code }]);
    throw error;
  }
  await giveMembersMilestones(db, project, goal, stored);
}
