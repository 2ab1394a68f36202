import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import { findGoal, goalRowKpiMetric, goalRowLabel } from '../../db/queries/goals';
import { listProjectMembers, replaceProjectMembers } from '../../db/queries/members';
import { deleteGoalMilestones, deleteMilestone, findProjectMilestone, insertMilestone, listGoalMilestones, updateMilestone } from '../../db/queries/plan';
import { insertMilestones, listMilestones } from '../../db/queries/projects';
import type { Milestone, SalesProject } from '../../db/schema';
import {
  DecompositionError,
  decomposeTarget,
  formatMinorUnits,
  metricAggregation,
  type BusinessCalendar,
  type DecompositionErrorCode,
} from '../../workflows/domain';
import { requireProjectAccess } from '../access/project-access';
import { requireProjectAction } from '../access/project-actions';
import type { AppDeps } from '../deps';
import { ApiError, fieldDetail, invalidFields, said } from '../errors';
import { resolveCalendar } from '../../db/queries/calendars';
import { calendarOf, editPlan, inProject, requireProject, requireTeam, requireUsers } from '../plan-guard';
import { DecompositionBody, DecompositionPreview, PlanMilestone } from '../contract/plan';
import { bodyOf, definedOnly, toJson } from '../to-json';
import * as routes from '../contract/routes/plan';
import { milestoneRoutes } from '../contract/routes/plan';
import { projectItemsRouter } from './project-items';
import { checkMilestone, newMilestoneDraft, warnAtOf } from '../milestone-rules';

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
  if (!goal) throw invalidFields([fieldDetail('goalId', 'field.noGoalInProject', { id: body.goalId })]);
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

export function planRouter(deps: AppDeps) {
  const { db } = deps;
  const milestones = projectItemsRouter(deps, {
    routes: milestoneRoutes,
    noun: 'milestone',
    itemId: 'milestoneId',
    may: ['editPlan', 'change its milestones'],
    planningOnly: ['create', 'update', 'delete'],
    answerReadsProject: true,
    list: async (db, projectId) => {
      const project = await requireProject(db, projectId);
      const calendar = await resolveCalendar(db, project.calendar);
      return (await listMilestones(db, projectId)).map((m) => planMilestoneDto(m, calendar));
    },
    find: findProjectMilestone,
    toDto: async (milestone, project) => planMilestoneDto(milestone, await resolveCalendar(db, project.calendar)),
    insert: async (trx, project, body) => {
      const columns = await checkMilestone(trx, project, newMilestoneDraft(body));
      return insertMilestone(trx, { projectId: project.id, ...columns });
    },
    update: async (trx, project, current, patch) => {
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
      return (await updateMilestone(trx, project.id, current.id, columns))!;
    },
    remove: deleteMilestone,
  });
  return milestones
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
            throw invalidFields([fieldDetail('warningOffset', 'field.notInCalendar')]);
          }
          // Members' own milestones follow their allocation (PUT …/allocation), not the project's split.
          const existing = await listGoalMilestones(trx, goal.id, { projectOnly: true });
          if (existing.length > 0) {
            if (!body.replace) {
              throw new ApiError(
                409,
                'goal_has_milestones',
                said('goalAlreadyHasMilestones', { count: existing.length, flag: 'replace: true' }),
              );
            }
            await deleteGoalMilestones(trx, goal.id, { projectOnly: true });
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
        await requireProjectAction(db, c.get('principal'), id, 'editMembers', 'change its members');
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
