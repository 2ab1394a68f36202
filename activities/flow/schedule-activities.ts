import type { Db } from '../../db/connect';
import { listProjectsForGlobalSchedule, listScheduleBindings } from '../../db/queries/flow-schedules';
import { insertProjectEventsOnce } from '../../db/queries/project-events';
import { findProject } from '../../db/queries/projects';
import { isWorkingDay } from '../../workflows/domain/business-calendar';
import { resolveCalendar } from '../../db/queries/calendars';
import type { Clock } from '../clock';

export interface ScheduledTickPlan {
  /** The version whose schedule fired; null when the binding is gone or no longer a schedule. */
  flowVersionId: string | null;
  /** Projects to run the flow for now. */
  run: { projectId: string; phase: string }[];
  /** Projects the schedule passed over, and why (recorded on the project's timeline). */
  skipped: { projectId: string; reason: string }[];
}

export function createScheduleActivities({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /**
     * Whom a firing of the schedule bound for `bindingProjectId` (null = all projects) runs for:
     * the bound project, or every project in the schedule's phases without a schedule of its own.
     * Closed projects run nothing. With "working days only", a project whose calendar has the day
     * off (weekend, holiday) is skipped, and the skip is recorded once per firing.
     */
    async planScheduledTick(input: { bindingProjectId: string | null; scheduledAt: string }): Promise<ScheduledTickPlan> {
      const [binding] = await listScheduleBindings(db, { projectId: input.bindingProjectId });
      if (!binding?.schedule) return { flowVersionId: null, run: [], skipped: [] };
      const { schedule } = binding;
      const candidates =
        binding.projectId === null
          ? await listProjectsForGlobalSchedule(db, schedule.phases)
          : [await findProject(db, binding.projectId)].filter((project) => project !== undefined);
      const at = new Date(input.scheduledAt);
      const plan: ScheduledTickPlan = { flowVersionId: binding.flowVersionId, run: [], skipped: [] };
      for (const project of candidates) {
        if (project.phase === 'closed' || !schedule.phases.some((phase) => phase === project.phase)) continue;
        if (schedule.workingDaysOnly && !isWorkingDay(await resolveCalendar(db, project.calendar), at)) {
          plan.skipped.push({ projectId: project.id, reason: "not a working day in the project's calendar" });
        } else {
          plan.run.push({ projectId: project.id, phase: project.phase });
        }
      }
      if (plan.skipped.length > 0) {
        await insertProjectEventsOnce(
          db,
          plan.skipped.map((skip) => ({
            projectId: skip.projectId,
            at: clock.now(),
            kind: 'schedule_skipped',
            detail: JSON.stringify({ scheduledAt: input.scheduledAt, reason: skip.reason, flowVersionId: binding.flowVersionId, text: `Scheduled flow skipped: ${skip.reason}` }),
            dedupeKey: `schedule-skip:${skip.projectId}:${input.scheduledAt}`,
          })),
        );
      }
      return plan;
    },
  };
}
