import { z } from 'zod';
import { flowDiagnostics } from '../i18n/en/flow-diagnostics';

/** The events a flow can start on; the lifecycle workflow and the scheduler raise them. */
export const triggerEvents = [
  'plan_submitted',
  'milestone_at_risk',
  'milestone_missed',
  'change_requested',
  'kpi_threshold_crossed',
  'project_closed',
  'schedule',
  'forecast_below_threshold',
  'training_overdue',
  'incentive_earned',
] as const;

export const triggerEventSchema = z.enum(triggerEvents);
export type TriggerEvent = z.infer<typeof triggerEventSchema>;
export const isTriggerEvent = (value: unknown): value is TriggerEvent => triggerEvents.some((event) => event === value);

/** The events' names in English; other languages read them from the flowDiagnostics catalog's `events`. */
export const triggerEventLabels: Record<TriggerEvent, string> = flowDiagnostics.events;

/** Who raises an event, or why nothing does (then a flow on it cannot be published). */
export type TriggerRaiser = { raisedBy: string } | { notRaisable: string };

/**
 * The one list of who raises each event. An event added to `triggerEvents` without an entry here
 * does not compile; one marked `notRaisable` is refused at validation and publish, with the reason.
 */
export const triggerRaisers: Record<TriggerEvent, TriggerRaiser> = {
  plan_submitted: { raisedBy: 'the project lifecycle workflow, when the plan is submitted' },
  milestone_at_risk: { raisedBy: "the project lifecycle workflow, at a milestone's warning time when it is behind" },
  milestone_missed: { raisedBy: "the project lifecycle workflow, at a milestone's due time when it is not met" },
  change_requested: { raisedBy: 'the project lifecycle workflow, when a change request is made' },
  kpi_threshold_crossed: { raisedBy: "the API, when a KPI report moves a goal's attainment across the trigger's threshold" },
  project_closed: { raisedBy: 'the project lifecycle workflow, when the project closes' },
  schedule: { raisedBy: 'a Temporal Schedule per binding, at each time of the cron expression' },
  forecast_below_threshold: { raisedBy: "the API, when a KPI report moves the forecast of a goal, allocation or milestone below the trigger's threshold" },
  training_overdue: { raisedBy: "a timer workflow per training item, at the end of the item's date when an attendee has not completed it" },
  incentive_earned: { raisedBy: "the API, when KPI reports (or a settlement) raise a member's incentive earnings above what was raised for them before" },
};

/** Null when something raises `event`; otherwise the sentence why a flow on it would never start. */
export function whyNotRaisable(event: TriggerEvent, raisers: Record<TriggerEvent, TriggerRaiser> = triggerRaisers): string | null {
  const raiser = raisers[event];
  return 'notRaisable' in raiser ? `Nothing raises "${triggerEventLabels[event]}" yet (${raiser.notRaisable}), so a flow on it would never start.` : null;
}
