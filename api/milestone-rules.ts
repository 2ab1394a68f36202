import { type z } from '@hono/zod-openapi';
import type { Db } from '../db/connect';
import { findGoal, goalRowKpiMetric } from '../db/queries/goals';
import type { NewMilestone, SalesProject } from '../db/schema';
import { CalendarError, subtractCalendarDuration, type BusinessCalendar, type CalendarDuration } from '../workflows/domain';
import { NewPlanMilestoneBody } from './contract/plan';
import { invalidFields, type ErrorDetail } from './errors';
import { resolveCalendar } from '../db/queries/calendars';
import { requireTeam, requireUsers } from './plan-guard';
import { pickKeys } from './to-json';

// The rules of a milestone, whichever route writes one: the plan's milestone routes and a new
// project's inline milestones.

/** When the at-risk check runs, or null without an offset (or when the calendar cannot place it). */
export function warnAtOf(calendar: BusinessCalendar, dueAt: Date, offset: CalendarDuration | null): Date | null {
  if (!offset) return null;
  try {
    return subtractCalendarDuration(calendar, dueAt, offset);
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}

/** The columns a client may set: the fields of the contract's new-milestone body. */
const settableColumns = Object.keys(NewPlanMilestoneBody.shape) as (keyof z.infer<typeof NewPlanMilestoneBody>)[];

/** A milestone as it would be stored, with the body's fields parsed; `metric` left out follows the goal. */
export type MilestoneDraft = Omit<z.infer<typeof NewPlanMilestoneBody>, 'goalId' | 'metric' | 'periodStart' | 'dueAt' | 'teamId' | 'warningOffset' | 'warningThresholdPct'> & {
  goalId: string | null;
  metric: string | undefined;
  periodStart: Date | null;
  dueAt: Date;
  teamId: string | null;
  warningOffset: CalendarDuration | null;
  warningThresholdPct: number | string;
};

/**
 * What a caller checking many milestones at once already knows, so each check does not look it
 * up again: owners it has found, and the project's calendar resolved once.
 */
export interface KnownForMilestones {
  userIds?: ReadonlySet<string>;
  calendar?: () => Promise<BusinessCalendar>;
}

/**
 * Checks a milestone as it would be stored (new, or the current one with the changes applied)
 * against the project and its goals, and reports every problem at once; `at` prefixes each path
 * (`milestones.0.` for the milestones of a new project).
 */
export async function checkMilestone(trx: Db, project: SalesProject, draft: MilestoneDraft, at = '', known: KnownForMilestones = {}): Promise<Omit<NewMilestone, 'projectId'>> {
  const details: ErrorDetail[] = [];
  let metric = draft.metric;
  if (draft.goalId) {
    const goal = await findGoal(trx, project.id, draft.goalId);
    if (!goal) details.push({ path: 'goalId', message: `no goal with id ${draft.goalId} in this project` });
    else if (metric !== undefined && metric !== goalRowKpiMetric(goal)) {
      details.push({ path: 'metric', message: `must be the goal's metric (${goalRowKpiMetric(goal)}) or left out` });
    } else metric = goalRowKpiMetric(goal);
  } else if (metric === undefined) {
    details.push({ path: 'metric', message: 'is required when the milestone has no goal' });
  }
  if (draft.dueAt < project.periodStart || draft.dueAt > project.periodEnd) {
    details.push({ path: 'dueAt', message: 'must fall within the project period' });
  }
  if (draft.targetKind === 'period' && !draft.periodStart) {
    details.push({ path: 'periodStart', message: 'is required for a per-period target (where the period starts)' });
  }
  if (draft.periodStart) {
    if (draft.periodStart >= draft.dueAt) details.push({ path: 'periodStart', message: 'must be before dueAt' });
    else if (draft.periodStart < project.periodStart) details.push({ path: 'periodStart', message: 'must not be before the project starts' });
  }
  if (draft.warningOffset && !warnAtOf(await (known.calendar?.() ?? resolveCalendar(trx, project.calendar)), draft.dueAt, draft.warningOffset)) {
    details.push({ path: 'warningOffset', message: "does not fit in the project's business calendar" });
  }
  if (details.length > 0) throw invalidFields(details.map((d) => ({ ...d, path: `${at}${d.path}` })));
  if (!known.userIds?.has(draft.ownerId)) await requireUsers(trx, [{ path: `${at}ownerId`, id: draft.ownerId }]);
  await requireTeam(trx, `${at}teamId`, draft.teamId);
  return {
    ...pickKeys(draft, settableColumns),
    metric: metric ?? '',
    warningOffset: draft.warningOffset ? JSON.stringify(draft.warningOffset) : null,
  };
}


/** A new milestone's body as `checkMilestone` takes it. */
export const newMilestoneDraft = (body: z.infer<typeof NewPlanMilestoneBody>): MilestoneDraft => ({
  ...body,
  goalId: body.goalId ?? null,
  metric: body.metric,
  periodStart: body.periodStart ? new Date(body.periodStart) : null,
  dueAt: new Date(body.dueAt),
  teamId: body.teamId ?? null,
  warningOffset: body.warningOffset ?? null,
});
