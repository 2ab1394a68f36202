import { type z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { deleteGoal, findGoal, goalRowKpiMetric, insertGoal, listGoals, updateGoal } from '../../db/queries/goals';
import { deleteGoalMilestones, listGoalMilestones } from '../../db/queries/plan';
import type { Goal as GoalRow, SalesProject } from '../../db/schema';
import { checkSmart, smartGoalSchema, type SmartGoal } from '../../workflows/domain';
import type { AppDeps } from '../deps';
import { ApiError, invalidFields, said, zodDetails, type ErrorDetail } from '../errors';
import { projectItemsRouter } from './project-items';
import { followAllocation } from '../member-milestones';
import { Goal } from '../contract/goals';
import { goalRoutes } from '../contract/routes/goals';
import { bodyOf, toJson } from '../to-json';

const goalBody = bodyOf(Goal);
/** The goal's JSON with what the contract names differently or computes: the custom name, the KPI metric, numbers and the period. */
export const goalDto = (g: GoalRow): z.infer<typeof Goal> =>
  goalBody({
    ...toJson(g),
    customMetricName: g.customName,
    kpiMetric: goalRowKpiMetric(g),
    baseline: g.baseline,
    target: g.target,
    period: { start: g.periodStart.toISOString(), end: g.periodEnd.toISOString() },
  });

/** The stored goal in the shape `checkSmart` reads, so a change can be checked as a whole goal. */
const asSmartInput = (g: GoalRow) => ({
  metric: g.metric,
  ...(g.customName === null ? {} : { customMetricName: g.customName }),
  unit: g.unit,
  direction: g.direction,
  baseline: g.baseline,
  target: g.target,
  period: { start: g.periodStart, end: g.periodEnd },
});

const elementPrefixes = { 'Specific:': 'specific', 'Measurable:': 'measurable', 'Achievable:': 'achievable', 'Time-bound:': 'time_bound' } as const;
const elementOf = (message: string): string | undefined =>
  Object.entries(elementPrefixes).find(([prefix]) => message.startsWith(prefix))?.[1];

/** Every SMART problem of `input`, each naming its element in `code`; unknown fields by name. */
function smartDetails(input: unknown): ErrorDetail[] {
  const check = checkSmart(input);
  if (check.ok) return [];
  const known = new Set(Object.keys(smartGoalSchema.shape));
  return check.issues.flatMap((issue): ErrorDetail[] => {
    if (issue.element !== null) return [{ path: issue.path, message: issue.message, code: issue.element }];
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      const unknown = Object.keys(input).filter((key) => !known.has(key));
      if (unknown.length > 0 && issue.path === '') return unknown.map((key) => ({ path: key, message: 'is not a known field' }));
    }
    return [{ path: issue.path, message: issue.message }];
  });
}

const smartElements = ['specific', 'measurable', 'achievable', 'time_bound'] as const;
const isSmartElement = (code: string | undefined): code is (typeof smartElements)[number] => (smartElements as readonly (string | undefined)[]).includes(code);

/** 400 `not_smart` naming the SMART elements at fault; plain field errors when none is. */
function smartRefused(details: ErrorDetail[]): ApiError {
  const elements = [...new Set(details.flatMap((d) => (isSmartElement(d.code) ? [d.code] : [])))];
  if (elements.length === 0) return invalidFields(details);
  return new ApiError(400, 'not_smart', said('notSmart', { elements: { list: elements.map((e) => said(`smart.${e}`)), join: 'comma' } }), details);
}

type ValidationResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

/**
 * Validation hook for a new goal: a body that fails is explained by the SMART check of the raw
 * input (the validator passes it as `data`), other failures as usual.
 */
function newGoalHook(result: ValidationResult): undefined {
  if (result.success) return undefined;
  const smart = result.target === 'json' ? smartDetails('data' in result ? result.data : undefined) : [];
  throw smart.length > 0 ? smartRefused(smart) : invalidFields(zodDetails(result.error));
}

/** Validation hook for a goal change: field messages already start with their SMART element; name it in `code` too. */
function goalPatchHook(result: ValidationResult): undefined {
  if (result.success) return undefined;
  const details = zodDetails(result.error).map((d) => ({ ...d, code: elementOf(d.message) }));
  throw result.target === 'json' ? smartRefused(details) : invalidFields(details);
}

/** A goal is held to the project's period: it cannot start before it or end after it. */
function requireWithinProject(project: SalesProject, goal: SmartGoal): void {
  const details: ErrorDetail[] = [];
  if (goal.period.start < project.periodStart) {
    details.push({ path: 'period.start', code: 'time_bound', message: `Time-bound: the goal starts before the project (${project.periodStart.toISOString()})` });
  }
  if (goal.period.end > project.periodEnd) {
    details.push({ path: 'period.end', code: 'time_bound', message: `Time-bound: the deadline is after the project ends (${project.periodEnd.toISOString()})` });
  }
  if (details.length > 0) throw smartRefused(details);
}

const goalColumns = (goal: SmartGoal) => ({
  metric: goal.metric,
  customName: goal.metric === 'custom' ? (goal.customMetricName ?? null) : null,
  unit: goal.unit,
  direction: goal.direction,
  baseline: goal.baseline,
  target: goal.target,
  periodStart: goal.period.start,
  periodEnd: goal.period.end,
});

export function goalsRouter(deps: AppDeps) {
  return projectItemsRouter(deps, {
    routes: goalRoutes,
    noun: 'goal',
    itemId: 'goalId',
    may: ['editPlan', 'change its goals'],
    planningOnly: ['create', 'update', 'delete'],
    list: async (db, projectId) => (await listGoals(db, projectId)).map(goalDto),
    find: findGoal,
    toDto: goalDto,
    insert: (trx, project, goal) => {
      requireWithinProject(project, goal);
      return insertGoal(trx, { projectId: project.id, ...goalColumns(goal) });
    },
    update: async (trx, project, current, patch) => {
      const { customMetricName, ...rest } = patch;
      const merged = { ...asSmartInput(current), ...rest };
      if (customMetricName === null) delete (merged as { customMetricName?: string }).customMetricName;
      else if (customMetricName !== undefined) Object.assign(merged, { customMetricName });
      const check = checkSmart(merged);
      if (!check.ok) throw smartRefused(smartDetails(merged));
      requireWithinProject(project, check.goal);
      const updated = (await updateGoal(trx, project.id, current.id, goalColumns(check.goal)))!;
      // Members' quotas are shares of the target: their milestones follow it.
      await followAllocation(trx, project, updated);
      return updated;
    },
    remove: async (trx, projectId, goalId, { withMilestones }) => {
      if (!(await findGoal(trx, projectId, goalId))) return false;
      const milestones = await listGoalMilestones(trx, goalId);
      if (milestones.length > 0 && withMilestones !== 'true') {
        throw new ApiError(
          409,
          'goal_has_milestones',
          said('goalHasMilestones', { count: milestones.length, flag: 'withMilestones=true' }),
        );
      }
      await deleteGoalMilestones(trx, goalId);
      await deleteGoal(trx, projectId, goalId);
      return true;
    },
    hooks: { create: newGoalHook, update: goalPatchHook },
  });
}
