import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findGoal, goalRowKpiMetric, goalRowLabel } from '../../db/queries/goals';
import { listProjectMembers, replaceProjectMembers } from '../../db/queries/members';
import { deleteGoalMilestones, deleteMilestone, findProjectMilestone, insertMilestone, listGoalMilestones, updateMilestone } from '../../db/queries/plan';
import { insertMilestones, listMilestones } from '../../db/queries/projects';
import type { Milestone, NewMilestone, SalesProject } from '../../db/schema';
import {
  CalendarError,
  DecompositionError,
  decomposeTarget,
  formatMinorUnits,
  metricAggregation,
  subtractCalendarDuration,
  type BusinessCalendar,
  type CalendarDuration,
  type DecompositionErrorCode,
} from '../../workflows/domain';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields, notFound, type ErrorDetail } from '../errors';
import { resolveCalendar } from '../../db/queries/calendars';
import { calendarOf, editPlan, inProject, requireProject, requireTeam, requireUsers } from '../plan-guard';
import { createRouter } from '../router';
import { DecompositionBody, DecompositionPreview, NewPlanMilestoneBody, PlanMilestone } from '../contract/plan';
import { bodyOf, definedOnly, pickKeys, toJson } from '../to-json';
import * as routes from '../contract/routes/plan';

/** When the at-risk check runs, or null without an offset (or when the calendar cannot place it). */
function warnAtOf(calendar: BusinessCalendar, dueAt: Date, offset: CalendarDuration | null): Date | null {
  if (!offset) return null;
  try {
    return subtractCalendarDuration(calendar, dueAt, offset);
  } catch (error) {
    if (error instanceof CalendarError) return null;
    throw error;
  }
}

const planMilestoneBody = bodyOf(PlanMilestone);

/** The one place a milestone row becomes its response: the row as JSON plus what is computed. */
export const planMilestoneDto = (m: Milestone, calendar: BusinessCalendar): z.infer<typeof PlanMilestone> =>
  planMilestoneBody({
    ...toJson(m),
    warningThresholdPct: Number(m.warningThresholdPct),
    warnAt: warnAtOf(calendar, m.dueAt, m.warningOffset)?.toISOString() ?? null,
  });

/** Columns of a milestone the API never shows; any other column must be a field of `PlanMilestone`. */
type MilestoneColumnsNotShown = 'createdAt';
/** Fields of `PlanMilestone` computed rather than stored. */
type ComputedMilestoneFields = 'warnAt';
type IsNever<T> = [T] extends [never] ? true : false;
type Assert<T extends true> = T;
/** Fails to compile when a milestone column is missing from the contract's `PlanMilestone`. */
export type ContractCoversEveryMilestoneColumn = Assert<IsNever<Exclude<keyof Milestone, keyof z.infer<typeof PlanMilestone> | MilestoneColumnsNotShown>>>;
/** Fails to compile when `PlanMilestone` has a field that is neither a column nor computed. */
export type EveryMilestoneFieldIsAColumn = Assert<IsNever<Exclude<keyof z.infer<typeof PlanMilestone>, keyof Milestone | ComputedMilestoneFields>>>;

const kpiMetricOf = goalRowKpiMetric;
const labelOf = goalRowLabel;

/** The columns a client may set: the fields of the contract's new-milestone body. */
const settableColumns = Object.keys(NewPlanMilestoneBody.shape) as (keyof z.infer<typeof NewPlanMilestoneBody>)[];

/** A milestone as it would be stored, with the body's fields parsed; `metric` left out follows the goal. */
type MilestoneDraft = Omit<z.infer<typeof NewPlanMilestoneBody>, 'goalId' | 'metric' | 'periodStart' | 'dueAt' | 'teamId' | 'warningOffset' | 'warningThresholdPct'> & {
  goalId: string | null;
  metric: string | undefined;
  periodStart: Date | null;
  dueAt: Date;
  teamId: string | null;
  warningOffset: CalendarDuration | null;
  warningThresholdPct: number | string;
};

/**
 * Checks a milestone as it would be stored (new, or the current one with the changes applied)
 * against the project and its goals, and reports every problem at once.
 */
async function checkMilestone(trx: Db, project: SalesProject, draft: MilestoneDraft): Promise<Omit<NewMilestone, 'projectId'>> {
  const details: ErrorDetail[] = [];
  let metric = draft.metric;
  if (draft.goalId) {
    const goal = await findGoal(trx, project.id, draft.goalId);
    if (!goal) details.push({ path: 'goalId', message: `no goal with id ${draft.goalId} in this project` });
    else if (metric !== undefined && metric !== kpiMetricOf(goal)) {
      details.push({ path: 'metric', message: `must be the goal's metric (${kpiMetricOf(goal)}) or left out` });
    } else metric = kpiMetricOf(goal);
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
  if (draft.warningOffset && !warnAtOf(await resolveCalendar(trx, project.calendar), draft.dueAt, draft.warningOffset)) {
    details.push({ path: 'warningOffset', message: "does not fit in the project's business calendar" });
  }
  if (details.length > 0) throw invalidFields(details);
  await requireUsers(trx, [{ path: 'ownerId', id: draft.ownerId }]);
  await requireTeam(trx, 'teamId', draft.teamId);
  return {
    ...pickKeys(draft, settableColumns),
    metric: metric ?? '',
    warningOffset: draft.warningOffset ? JSON.stringify(draft.warningOffset) : null,
  };
}

const decompositionPaths: Record<DecompositionErrorCode, string> = {
  invalid_input: '',
  invalid_total: 'scale',
  invalid_period: 'goalId',
  invalid_granularity: 'granularity',
  invalid_weights: 'weights',
  invalid_scale: 'scale',
  invalid_time_zone: 'timeZone',
  too_many_parts: 'granularity',
};

/** The goal's target split into parts with cumulative targets; 400 naming the field when it cannot be. */
async function decomposeGoal(db: Db, project: SalesProject, body: z.infer<typeof DecompositionBody>) {
  const goal = await findGoal(db, project.id, body.goalId);
  if (!goal) throw invalidFields([{ path: 'goalId', message: `no goal with id ${body.goalId} in this project` }]);
  if (metricAggregation(goal.metric) !== 'sum' || goal.direction !== 'at_least') {
    throw invalidFields([
      {
        path: 'goalId',
        message: `a ${goal.direction.replace('_', ' ')} ${labelOf(goal).toLowerCase()} goal is not a total to build up; only at-least revenue, new-customer and custom goals can be split into periods`,
      },
    ]);
  }
  const timeZone = body.timeZone ?? calendarOf(project).timeZone;
  try {
    const parts = decomposeTarget({
      total: goal.target,
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      granularity: body.granularity,
      weights: body.weights,
      scale: body.scale,
      timeZone,
    });
    const preview: z.infer<typeof DecompositionPreview> = {
      goalId: goal.id,
      metric: kpiMetricOf(goal),
      total: goal.target,
      granularity: body.granularity,
      timeZone,
      scale: body.scale,
      parts: parts.map((part) => ({
        label: part.label,
        start: part.start.toISOString(),
        end: part.end.toISOString(),
        amount: formatMinorUnits(part.amountMinor, body.scale),
        cumulative: formatMinorUnits(part.cumulativeMinor, body.scale),
      })),
    };
    return { goal, parts, preview };
  } catch (error) {
    if (error instanceof DecompositionError) {
      throw invalidFields([{ path: decompositionPaths[error.code], message: error.message, code: error.code }]);
    }
    throw error;
  }
}

export function planRouter({ db }: AppDeps) {
  return createRouter()
    .openapi(
      routes.listMilestones,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const project = await requireProject(db, id);
        const calendar = await resolveCalendar(db, project.calendar);
        return c.json((await listMilestones(db, id)).map((m) => planMilestoneDto(m, calendar)), 200);
      },
    )
    .openapi(
      routes.createMilestone,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its milestones');
        const body = c.req.valid('json');
        const { milestone, project } = await editPlan(db, id, async (trx, project) => {
          const columns = await checkMilestone(trx, project, {
            ...body,
            goalId: body.goalId ?? null,
            metric: body.metric,
            periodStart: body.periodStart ? new Date(body.periodStart) : null,
            dueAt: new Date(body.dueAt),
            teamId: body.teamId ?? null,
            warningOffset: body.warningOffset ?? null,
          });
          return { milestone: await insertMilestone(trx, { projectId: id, ...columns }), project };
        });
        return c.json(planMilestoneDto(milestone, await resolveCalendar(db, project.calendar)), 201);
      },
    )
    .openapi(
      routes.getMilestone,
      async (c) => {
        const { id, milestoneId } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const project = await requireProject(db, id);
        const milestone = await findProjectMilestone(db, id, milestoneId);
        if (!milestone) throw notFound('Milestone', milestoneId);
        return c.json(planMilestoneDto(milestone, await resolveCalendar(db, project.calendar)), 200);
      },
    )
    .openapi(
      routes.updateMilestone,
      async (c) => {
        const { id, milestoneId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its milestones');
        const patch = c.req.valid('json');
        const { milestone, project } = await editPlan(db, id, async (trx, project) => {
          const current = await findProjectMilestone(trx, id, milestoneId);
          if (!current) throw notFound('Milestone', milestoneId);
          const goalId = patch.goalId === undefined ? current.goalId : patch.goalId;
          const columns = await checkMilestone(trx, project, {
            ...current,
            ...definedOnly(patch),
            goalId,
            // A milestone tied to a goal follows the goal's metric; one without keeps its own.
            metric: patch.metric ?? (goalId ? undefined : current.metric),
            periodStart: patch.periodStart === undefined ? current.periodStart : patch.periodStart === null ? null : new Date(patch.periodStart),
            dueAt: patch.dueAt ? new Date(patch.dueAt) : current.dueAt,
          });
          return { milestone: (await updateMilestone(trx, id, milestoneId, columns))!, project };
        });
        return c.json(planMilestoneDto(milestone, await resolveCalendar(db, project.calendar)), 200);
      },
    )
    .openapi(
      routes.deleteMilestone,
      async (c) => {
        const { id, milestoneId } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its milestones');
        await editPlan(db, id, async (trx) => {
          if (!(await deleteMilestone(trx, id, milestoneId))) throw notFound('Milestone', milestoneId);
        });
        return c.body(null, 204);
      },
    )
    .openapi(
      routes.previewDecomposition,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        const project = await requireProject(db, id);
        const { preview } = await decomposeGoal(db, project, c.req.valid('json'));
        return c.json(preview, 200);
      },
    )
    .openapi(
      routes.applyDecomposition,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change its milestones');
        const body = c.req.valid('json');
        const { preview, milestones, project } = await editPlan(db, id, async (trx, project) => {
          const { goal, parts, preview } = await decomposeGoal(trx, project, body);
          await requireUsers(trx, [{ path: 'ownerId', id: body.ownerId }]);
          await requireTeam(trx, 'teamId', body.teamId);
          const calendar = await resolveCalendar(db, project.calendar);
          const warningOffset = body.warningOffset ?? null;
          if (warningOffset && parts.some((part) => !warnAtOf(calendar, part.end, warningOffset))) {
            throw invalidFields([{ path: 'warningOffset', message: "does not fit in the project's business calendar" }]);
          }
          const existing = await listGoalMilestones(trx, goal.id);
          if (existing.length > 0) {
            if (!body.replace) {
              throw new ApiError(
                409,
                'goal_has_milestones',
                `The goal already has ${existing.length} milestone${existing.length === 1 ? '' : 's'}; pass replace: true to replace them.`,
              );
            }
            await deleteGoalMilestones(trx, goal.id);
          }
          const created = await insertMilestones(
            trx,
            parts.map((part, index) => ({
              projectId: id,
              goalId: goal.id,
              name: `${labelOf(goal)} ${part.label}`,
              metric: preview.metric,
              targetValue: preview.parts[index]?.cumulative ?? String(part.cumulative),
              targetKind: 'cumulative' as const,
              // Cumulative targets count from the goal's start, whatever month they check.
              periodStart: goal.periodStart,
              dueAt: part.end,
              ownerId: body.ownerId,
              teamId: body.teamId ?? null,
              warningOffset: warningOffset ? JSON.stringify(warningOffset) : null,
              warningThresholdPct: body.warningThresholdPct,
            })),
          );
          return { preview, milestones: created, project };
        });
        const calendar = await resolveCalendar(db, project.calendar);
        const ordered = [...milestones].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
        return c.json({ ...preview, milestones: ordered.map((m) => planMilestoneDto(m, calendar)) }, 201);
      },
    )
    .openapi(
      routes.listMembers,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'read');
        return c.json(await listProjectMembers(db, id), 200);
      },
    )
    .openapi(
      routes.replaceMembers,
      async (c) => {
        const { id } = c.req.valid('param');
        await requireProjectAccess(db, c.get('principal'), id, 'plan', 'change its members');
        const { members } = c.req.valid('json');
        const saved = await inProject(db, id, async (trx) => {
          await requireUsers(trx, members.map((m, i) => ({ path: `members.${i}.userId`, id: m.userId })));
          await replaceProjectMembers(trx, id, members);
          return listProjectMembers(trx, id);
        });
        return c.json(saved, 200);
      },
    );
}
