import type { Db } from '../../db/connect';
import { budgetTotals } from '../../db/queries/budget';
import { getChangeRequest } from '../../db/queries/change-requests';
import { countOfProject, findChangeSubjectName, getMilestoneWithOwner, getProjectWithOwner } from '../../db/queries/flow-context';
import { sumKpi } from '../../db/queries/kpi-reports';
import { findUser } from '../../db/queries/users';
import { changeValueText } from '../../workflows/domain/change-values';
import type { TriggerEvent } from '../../workflows/flow/trigger-events';
import type { Clock } from '../clock';
import { Dec, exactJsonNumber, percentChange, percentOf } from '../../workflows/domain/decimal';
import { round2 } from '../../workflows/domain/round2';
import { overrunPercent } from '../../workflows/domain/spending';

const DAY_MS = 86_400_000;

/** Amounts are exact (a number while exact, else decimal text); percentages are rounded to two decimals for messages and rules. */
const pct = (actual: string, target: string) => (new Dec(target).isZero() ? 100 : round2(percentOf(actual, target)));

/**
 * The variables a flow run starts with, as its trigger event promises them (see
 * workflows/flow/context-variables.ts): the project, and the milestone for milestone events.
 */
export async function buildFlowContext(
  { db, clock }: { db: Db; clock: Clock },
  input: {
    projectId: string;
    event: TriggerEvent;
    subjectId: string;
    phase: string;
    actorId?: string | undefined;
    outcome?: string | undefined;
    /** A test run on a project with no change request yet: a sample change stands in for one. */
    sampleChange?: boolean | undefined;
    /** What the raiser knows and the database does not (kpi.before, schedule.firedAt…), by top-level name. */
    variables?: Record<string, unknown> | undefined;
  },
): Promise<Record<string, unknown>> {
  const project = await getProjectWithOwner(db, input.projectId);
  const now = clock.now();
  const context: Record<string, unknown> = {
    project: {
      id: project.id,
      name: project.name,
      phase: input.phase,
      owner: { id: project.ownerId, name: project.ownerName, email: project.ownerEmail },
      periodStart: project.periodStart.toISOString(),
      periodEnd: project.periodEnd.toISOString(),
    },
    event: { occurredAt: now.toISOString() },
  };
  if (input.event === 'milestone_missed' || input.event === 'milestone_at_risk') {
    const milestone = await getMilestoneWithOwner(db, input.subjectId);
    const until = milestone.dueAt < now ? milestone.dueAt : now;
    const actual = await sumKpi(db, milestone.projectId, milestone.metric, until, { memberId: milestone.memberId });
    const target = milestone.targetValue;
    context.milestone = {
      id: milestone.id,
      name: milestone.name,
      metric: milestone.metric,
      target: exactJsonNumber(target),
      actual: exactJsonNumber(actual),
      attainmentPct: pct(actual, target),
      dueAt: milestone.dueAt.toISOString(),
      owner: { id: milestone.ownerId, name: milestone.ownerName },
      // Whose share it is (a member's own milestone); empty for the project's.
      member: { id: milestone.memberId ?? '', name: milestone.memberName ?? '' },
      daysOverdue: Math.max(0, Math.floor((now.getTime() - milestone.dueAt.getTime()) / DAY_MS)),
      daysToDue: Math.max(0, Math.ceil((milestone.dueAt.getTime() - now.getTime()) / DAY_MS)),
    };
  }
  const budget = await budgetTotals(db, input.projectId);
  const planned = exactJsonNumber(budget.planned);
  context.budget = { planned, spent: exactJsonNumber(budget.spent), overrunPct: overrunPercent(budget.planned, budget.spent) ?? 0 };
  const actor = input.actorId
    ? await findUser(db, input.actorId)
    : undefined;
  if (input.event === 'plan_submitted') {
    const count = (table: 'goals' | 'milestones') => countOfProject(db, table, input.projectId);
    context.plan = {
      submittedBy: { id: actor?.id ?? '', name: actor?.name ?? '' },
      budgetTotal: planned,
      goalCount: await count('goals'),
      milestoneCount: await count('milestones'),
    };
  }
  if (input.event === 'change_requested' && input.sampleChange) {
    context.change = {
      id: input.subjectId,
      subject: project.name,
      field: 'target',
      before: '100',
      after: '110',
      deltaPct: 10,
      reason: 'A sample change for a test run',
      requestedBy: { id: project.ownerId, name: project.ownerName },
    };
  } else if (input.event === 'change_requested') {
    const change = await getChangeRequest(db, input.subjectId);
    const subjectName = await findChangeSubjectName(db, change);
    context.change = {
      id: change.id,
      subject: subjectName ?? '',
      field: change.field,
      before: changeValueText(change.field, change.before),
      after: changeValueText(change.field, change.after),
      deltaPct: change.field === 'target' && !new Dec(String(change.before)).isZero() ? percentChange(String(change.before), String(change.after)) : 0,
      reason: change.reason,
      requestedBy: { id: actor?.id ?? change.requestedBy, name: actor?.name ?? '' },
    };
  }
  if (input.event === 'project_closed') {
    (context.project as Record<string, unknown>).outcome = input.outcome ?? 'completed';
    (context.project as Record<string, unknown>).closedAt = now.toISOString();
  }
  for (const [name, value] of Object.entries(input.variables ?? {})) if (!(name in context)) context[name] = value;
  return context;
}
