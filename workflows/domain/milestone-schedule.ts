import { businessCalendarSchema, defaultBusinessCalendar, subtractCalendarDuration, type BusinessCalendar } from './business-calendar';
import { calendarDurationSchema } from './duration';

const DAY_MS = 86_400_000;

/** A stored calendar, or the default one when none (or an unreadable one) is stored. */
export function calendarOrDefault(stored: unknown): BusinessCalendar {
  const parsed = businessCalendarSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : defaultBusinessCalendar;
}

export function monitoringEnd(periodEnd: Date, monitoringDays: number): Date {
  return new Date(periodEnd.getTime() + monitoringDays * DAY_MS);
}

export interface MilestoneTimesInput {
  dueAt: Date;
  periodEnd: Date;
  monitoringDays: number;
  /** A stored `{ amount, unit }` (business units follow the calendar), or null for no warning. */
  warningOffset: unknown;
  calendar: unknown;
}

/**
 * When a milestone's checks run. The met/missed check runs at the due time, except for
 * milestones due at the end of the period: they are checked when monitoring ends, so late KPI
 * reports still count. The at-risk check runs the warning offset before the due time.
 */
export function milestoneCheckTimes(input: MilestoneTimesInput): { checkAt: Date; warnAt: Date | null } {
  const checkAt = input.dueAt.getTime() >= input.periodEnd.getTime() ? monitoringEnd(input.periodEnd, input.monitoringDays) : input.dueAt;
  const offset = input.warningOffset == null ? undefined : calendarDurationSchema.safeParse(input.warningOffset);
  const warnAt = offset?.success ? subtractCalendarDuration(calendarOrDefault(input.calendar), input.dueAt, offset.data) : null;
  return { checkAt, warnAt };
}
