import { z } from 'zod';

/** The events a flow can start on; the lifecycle workflow and the scheduler raise them. */
export const triggerEvents = [
  'plan_submitted',
  'milestone_at_risk',
  'milestone_missed',
  'change_requested',
  'kpi_threshold_crossed',
  'project_closed',
  'schedule',
] as const;

export const triggerEventSchema = z.enum(triggerEvents);
export type TriggerEvent = z.infer<typeof triggerEventSchema>;

export const triggerEventLabels: Record<TriggerEvent, string> = {
  plan_submitted: 'Plan submitted',
  milestone_at_risk: 'Milestone at risk',
  milestone_missed: 'Milestone missed',
  change_requested: 'Change requested',
  kpi_threshold_crossed: 'KPI crosses a threshold',
  project_closed: 'Project closed',
  schedule: 'On a schedule',
};
