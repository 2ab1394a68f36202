import { normalizeCron } from './cron';
import { defaultSchedulePhases, schedulePhases, triggerConfigSchema } from './nodes/trigger';

export type SchedulePhase = (typeof schedulePhases)[number];

/** How a schedule binding fires and whom it runs for, with the defaults filled in. */
export interface BindingSchedule {
  /** Five fields, shortcuts expanded: what the Temporal Schedule is given. */
  cron: string;
  timeZone: string;
  workingDaysOnly: boolean;
  /** A project must be in one of these when the schedule fires. */
  phases: readonly SchedulePhase[];
}

/**
 * The schedule of a published flow version bound to one project (`perProject`) or to all, or
 * null when its trigger is not a (valid) schedule. Without a time zone of its own it fires in
 * `calendarTimeZone` (the project's calendar, or the default calendar for all projects); a
 * per-project binding runs in every phase but closed unless it names phases, a global one in
 * execution and monitoring.
 */
export function scheduleOfDocument(document: unknown, calendarTimeZone: string, perProject: boolean): BindingSchedule | null {
  const nodes = (document as { nodes?: unknown } | null)?.nodes;
  if (!Array.isArray(nodes)) return null;
  const trigger = nodes.find((node: unknown) => (node as { kind?: unknown } | null)?.kind === 'trigger') as { config?: unknown } | undefined;
  const parsed = triggerConfigSchema.safeParse(trigger?.config);
  if (!parsed.success || parsed.data.event !== 'schedule') return null;
  const config = parsed.data;
  return {
    cron: normalizeCron(config.cron),
    timeZone: config.timeZone ?? calendarTimeZone,
    workingDaysOnly: config.workingDaysOnly ?? false,
    phases: config.phases ?? (perProject ? schedulePhases : defaultSchedulePhases),
  };
}
