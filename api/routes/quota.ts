import { type z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect';
import {
  allocationTimeZone,
  findGoalAllocation,
  gridOf,
  listMemberReports,
  listQuotaHolders,
  listTeamsWithMembers,
  replaceGoalAllocation,
} from '../../db/queries/goal-allocations';
import { findGoal, goalRowKpiMetric, goalRowLabel, listGoals } from '../../db/queries/goals';
import type { Goal, SalesProject } from '../../db/schema';
import { DecompositionError, fromMinorUnits, metricAggregation, sumExact } from '../../workflows/domain';
import { AllocationError } from '../../workflows/domain/sales-plan/allocation';
import { quotaGrid, type QuotaGrid } from '../../workflows/domain/sales-plan/quota-grid';
import { Dec, percentOf } from '../../workflows/domain/decimal';
import { round2 } from '../../workflows/domain/round2';
import { projectAccessOf, requireProjectAccess } from '../access/project-access';
import { accessMay, requireProjectAction } from '../access/project-actions';
import { seesTeam } from '../access/sees-team';
import type { AppDeps } from '../deps';
import { fieldDetail, found, invalidFields, type ErrorDetail } from '../errors';
import { calendarOf, editPlan, requireProject } from '../plan-guard';
import { createRouter } from '../router';
import type { Allocation, AllocationBody, Quotas } from '../contract/quota';
import * as routes from '../contract/routes/quota';
import { giveMembersMilestones, holderNames } from '../member-milestones';

type Body = z.infer<typeof AllocationBody>;

/** Only totals that build up (at-least revenue, new customers, custom sums) can be shared out, as they can be split into periods. */
export function requireAllocatable(goal: Goal): void {
  if (metricAggregation(goal.metric) !== 'sum' || goal.direction !== 'at_least') {
    throw invalidFields([{ path: 'goalId', message: `a ${goal.direction.replace('_', ' ')} ${goalRowLabel(goal).toLowerCase()} goal is not a total to share out; only at-least revenue, new-customer and custom goals can be allocated` }]);
  }
}

/** The domain's refusals as 400s naming the body's field. */
function asFieldError(error: unknown): never {
  if (error instanceof AllocationError) throw invalidFields([{ path: error.field, message: error.message, code: error.code }]);
  if (error instanceof DecompositionError) {
    const path = error.code === 'invalid_weights' ? 'weights' : error.code === 'invalid_scale' || error.code === 'invalid_total' ? 'scale' : error.code === 'invalid_time_zone' ? 'timeZone' : error.code === 'too_many_parts' ? 'granularity' : 'goalId';
    throw invalidFields([{ path, message: error.message, code: error.code }]);
  }
  throw error;
}

function monthsDto(grid: QuotaGrid) {
  return grid.months.map((month) => ({ label: month.label, start: month.start.toISOString(), end: month.end.toISOString(), amount: fromMinorUnits(month.amountMinor, grid.scale) }));
}

async function allocationDto(db: Db, project: SalesProject, goal: Goal): Promise<Allocation> {
  const stored = await findGoalAllocation(db, goal.id);
  const base = { goalId: goal.id, metric: goalRowKpiMetric(goal), total: goal.target };
  if (!stored || stored.rows.length === 0) {
    const timeZone = stored ? allocationTimeZone(stored.plan, project) : calendarOf(project).timeZone;
    return { ...base, granularity: stored?.plan.granularity ?? 'quarter', weights: stored?.plan.periodWeights ?? null, scale: stored?.plan.scale ?? 0, timeZone, shares: [], unallocated: goal.target, months: [] };
  }
  const timeZone = allocationTimeZone(stored.plan, project);
  const grid = gridOf(goal, stored, timeZone);
  const { people, teams } = await holderNames(db, project.id, stored);
  return {
    ...base,
    granularity: stored.plan.granularity,
    weights: stored.plan.periodWeights,
    scale: stored.plan.scale,
    timeZone,
    shares: stored.rows.map((row) => {
      const part = grid.allocation.parts.find((p) => p.holderId === row.id);
      return {
        userId: row.userId,
        teamId: row.teamId,
        name: row.userId ? (people.get(row.userId) ?? '') : (teams.find((t) => t.id === row.teamId)?.name ?? ''),
        weight: row.weight === null ? null : Number(row.weight),
        amount: row.amount,
        quota: part?.amount ?? '0',
      };
    }),
    unallocated: grid.allocation.unallocated,
    months: monthsDto(grid),
  };
}

/** Checks a new allocation against the goal and the project; every refusal names its field (400). */
export async function checkAllocation(db: Db, project: SalesProject, goal: Goal, body: Body): Promise<void> {
  requireAllocatable(goal);
  const holders = new Set((await listQuotaHolders(db, project.id)).map((p) => p.id));
  const teamIds = body.shares.flatMap((share) => (share.teamId ? [share.teamId] : []));
  const teams = new Set((await listTeamsWithMembers(db, teamIds)).map((t) => t.id));
  const details: ErrorDetail[] = [];
  body.shares.forEach((share, index) => {
    if (share.userId && !holders.has(share.userId)) details.push(fieldDetail(`shares.${index}.userId`, 'field.notProjectMember', { id: share.userId }));
    if (share.teamId && !teams.has(share.teamId)) details.push(fieldDetail(`shares.${index}.teamId`, 'field.noTeam', { id: share.teamId }));
  });
  if (details.length > 0) throw invalidFields(details);
  if (body.shares.length === 0) return;
  try {
    quotaGrid({
      total: goal.target,
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      granularity: body.granularity,
      periodWeights: body.weights ?? null,
      scale: body.scale,
      timeZone: body.timeZone ?? calendarOf(project).timeZone,
      shares: body.shares.map((share, index) => (share.weight !== undefined ? { holderId: String(index), weight: share.weight } : { holderId: String(index), amount: share.amount ?? '0' })),
    });
  } catch (error) {
    asFieldError(error);
  }
}

const sum = (values: readonly string[]) => (values.length === 0 ? '0' : sumExact(values));

async function goalQuotas(db: Db, project: SalesProject, goal: Goal, asOf: Date, onlyUserId: string | null) {
  const stored = await findGoalAllocation(db, goal.id);
  if (!stored || stored.rows.length === 0) return null;
  const grid = gridOf(goal, stored, allocationTimeZone(stored.plan, project));
  const { people, teams } = await holderNames(db, project.id, stored);
  const until = asOf < goal.periodEnd ? asOf : new Date(goal.periodEnd.getTime() - 1);
  const reports = until >= goal.periodStart ? await listMemberReports(db, project.id, goalRowKpiMetric(goal), goal.periodStart, until) : [];
  const actualOf = (reporters: ReadonlySet<string>, from: Date, to: Date) =>
    sum(reports.filter((r) => reporters.has(r.reporterId) && r.reportedAt >= from && r.reportedAt < to).map((r) => r.value));
  const rows = grid.rows.flatMap((cells) => {
    const row = stored.rows.find((r) => r.id === cells.holderId);
    const team = row?.teamId ? teams.find((t) => t.id === row.teamId) : undefined;
    if (onlyUserId !== null && (row?.userId !== onlyUserId)) {
      if (!team?.memberIds.includes(onlyUserId)) return [];
    }
    const reporters = new Set(row?.userId ? [row.userId] : (team?.memberIds ?? []));
    const quota = fromMinorUnits(cells.totalMinor, grid.scale);
    const months = grid.months.map((month, index) => ({
      label: month.label,
      target: fromMinorUnits(cells.monthsMinor[index] ?? 0n, grid.scale),
      actual: row && month.start <= asOf ? actualOf(reporters, month.start, month.end) : null,
    }));
    const actual = row ? actualOf(reporters, goal.periodStart, goal.periodEnd) : null;
    return [
      {
        holder: row?.userId ? ('member' as const) : row?.teamId ? ('team' as const) : ('unallocated' as const),
        userId: row?.userId ?? null,
        teamId: row?.teamId ?? null,
        name: row?.userId ? (people.get(row.userId) ?? null) : (team?.name ?? null),
        quota,
        months,
        actual,
        attainmentPct: actual === null || new Dec(quota).isZero() ? null : round2(percentOf(actual, quota)),
      },
    ];
  });
  return { goalId: goal.id, metric: goalRowKpiMetric(goal), label: goalRowLabel(goal), total: goal.target, unallocated: grid.allocation.unallocated, months: monthsDto(grid), rows };
}

export function quotaRouter(deps: AppDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(routes.getAllocation, async (c) => {
      const { id, goalId } = c.req.valid('param');
      await requireProjectAccess(db, c.get('principal'), id, 'read');
      const project = await requireProject(db, id);
      const goal = found(await findGoal(db, id, goalId), 'goal', goalId);
      return c.json(await allocationDto(db, project, goal), 200);
    })
    .openapi(routes.putAllocation, async (c) => {
      const { id, goalId } = c.req.valid('param');
      await requireProjectAction(db, c.get('principal'), id, 'editPlan', 'change how its targets are allocated');
      const body = c.req.valid('json');
      const answer = await editPlan(db, id, async (trx, project) => {
        const goal = found(await findGoal(trx, id, goalId), 'goal', goalId);
        await checkAllocation(trx, project, goal, body);
        const stored = await replaceGoalAllocation(trx, {
          projectId: id,
          goalId,
          granularity: body.granularity,
          periodWeights: body.weights ?? null,
          scale: body.scale,
          timeZone: body.timeZone ?? null,
          rows: body.shares.map((share) => ({
            userId: share.userId ?? null,
            teamId: share.teamId ?? null,
            weight: share.weight === undefined ? null : String(share.weight),
            amount: share.amount ?? null,
          })),
        });
        await giveMembersMilestones(trx, project, goal, stored);
        return allocationDto(trx, project, goal);
      });
      return c.json(answer, 200);
    })
    .openapi(routes.getQuotas, async (c) => {
      const { id } = c.req.valid('param');
      const principal = c.get('principal');
      const access = await requireProjectAccess(db, principal, id, 'read');
      const project = await requireProject(db, id);
      const asOfText = c.req.valid('query').asOf;
      const asOf = asOfText ? new Date(asOfText) : new Date();
      // Who sees the team sees every quota; a member sees only their own.
      const seesAll = seesTeam(principal, access);
      const goals: Quotas['goals'] = [];
      for (const goal of await listGoals(db, id)) {
        const quotas = await goalQuotas(db, project, goal, asOf, seesAll ? null : principal.userId);
        if (quotas) goals.push(quotas);
      }
      const relation = await projectAccessOf(db, principal, id);
      return c.json({ asOf: asOf.toISOString(), seesAll, mayAllocate: accessMay(principal, relation, 'editPlan') && project.phase === 'planning', goals }, 200);
    });
}
