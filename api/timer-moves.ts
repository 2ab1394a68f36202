import type { Client } from '@temporalio/client';
import type { Db } from '../db/connect';
import { resolveCalendar } from '../db/queries/calendars';
import { listMilestones } from '../db/queries/projects';
import type { Milestone, SalesProject } from '../db/schema';
import type { BusinessCalendar } from '../workflows/domain/business-calendar';
import type { ProjectTimerField } from '../workflows/domain/plan-item-states';
import { milestoneCheckTimes, monitoringEnd } from '../workflows/domain/milestone-schedule';
import type { CheckMove } from './contract/lifecycle';
import { readLifecycle } from './lifecycle';

const DAY_MS = 86_400_000;

/** What the lifecycle schedules for a milestone, under a project's monitoring window and calendar. */
interface Schedule {
  monitoringDays: number;
  calendar: BusinessCalendar;
}

const timesOf = (project: Pick<SalesProject, 'periodEnd'>, schedule: Schedule, m: Pick<Milestone, 'dueAt' | 'warningOffset'>, dueAt = m.dueAt) =>
  milestoneCheckTimes({ dueAt, periodEnd: project.periodEnd, monitoringDays: schedule.monitoringDays, warningOffset: m.warningOffset, calendar: schedule.calendar });

const iso = (at: Date | null) => at?.toISOString() ?? null;

/**
 * The checks of `milestones` whose time differs between two schedules (a due date moved, or the
 * project's calendar or monitoring window changed): a warning that has not run yet, and the
 * met/missed check. Only pending milestones have checks to move.
 */
function milestoneMoves(project: Pick<SalesProject, 'periodEnd'>, milestones: Milestone[], before: Schedule, after: Schedule, newDueAt?: Date): CheckMove[] {
  return milestones
    .filter((m) => m.status === 'pending')
    .flatMap((m) => {
      const from = timesOf(project, before, m);
      const to = timesOf(project, after, m, newDueAt);
      const moves: CheckMove[] = [];
      if (m.warnedAt === null && iso(from.warnAt) !== iso(to.warnAt)) moves.push({ milestoneId: m.id, milestoneName: m.name, kind: 'warning', from: iso(from.warnAt), to: iso(to.warnAt) });
      if (from.checkAt.getTime() !== to.checkAt.getTime()) moves.push({ milestoneId: m.id, milestoneName: m.name, kind: 'due', from: iso(from.checkAt), to: iso(to.checkAt) });
      return moves;
    });
}

async function scheduleOf(db: Db, project: SalesProject): Promise<Schedule> {
  return { monitoringDays: Number(project.monitoringDays), calendar: await resolveCalendar(db, project.calendar) };
}

/** Which checks of one milestone a new due date would move. */
export async function dueDateMoves(db: Db, project: SalesProject, milestone: Milestone, newDueAt: Date): Promise<CheckMove[]> {
  const schedule = await scheduleOf(db, project);
  const moves = milestoneMoves(project, [milestone], schedule, schedule, newDueAt);
  // The met/missed check is always named, even when it stays (a last milestone checked at the end of monitoring).
  if (!moves.some((move) => move.kind === 'due')) {
    const at = iso(timesOf(project, schedule, milestone).checkAt);
    moves.push({ milestoneId: milestone.id, milestoneName: milestone.name, kind: 'due', from: at, to: at });
  }
  return moves;
}

/**
 * Which timers a change of the project's calendar, review cadence or monitoring window would move:
 * warnings that count business time, the checks at the end of monitoring and that end itself, and
 * the next status summary (read from the running lifecycle, which counts it from the last one).
 */
export async function projectTimerMoves(db: Db, client: Client, project: SalesProject, field: ProjectTimerField, after: unknown): Promise<CheckMove[]> {
  const before = await scheduleOf(db, project);
  if (field === 'review_every_days') {
    const { nextReviewAt } = await readLifecycle(db, client, project.id);
    if (!nextReviewAt) return [];
    const to = Date.parse(nextReviewAt) + (Number(after) - Number(project.reviewEveryDays)) * DAY_MS;
    return [{ milestoneId: null, milestoneName: null, kind: 'review', from: nextReviewAt, to: new Date(Math.max(Date.now(), to)).toISOString() }];
  }
  const changed: Schedule = field === 'calendar' ? { ...before, calendar: await resolveCalendar(db, after) } : { ...before, monitoringDays: Number(after) };
  const moves = milestoneMoves(project, await listMilestones(db, project.id), before, changed);
  if (field === 'monitoring_days' && before.monitoringDays !== changed.monitoringDays) {
    moves.push({ milestoneId: null, milestoneName: null, kind: 'monitoring_end', from: iso(monitoringEnd(project.periodEnd, before.monitoringDays)), to: iso(monitoringEnd(project.periodEnd, changed.monitoringDays)) });
  }
  return moves;
}
