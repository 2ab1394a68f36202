import { z } from 'zod';
import { variablesForEvent } from '../context-variables';
import { checkCron } from '../cron';
import { defineNode, requiredOutput } from '../node-def';
import { triggerEventSchema } from '../trigger-events';
import { forecastSubjectKinds } from '../../domain/sales-plan/forecast-subjects';

const cronSchema = z
  .string()
  .max(200)
  .superRefine((expression, ctx) => {
    const problem = checkCron(expression);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ title: 'Schedule (cron)', description: 'For example "0 9 * * MON" runs every Monday at 09:00.' });

/** Phases a schedule may run in; a closed project runs nothing. */
export const schedulePhases = ['planning', 'execution', 'monitoring', 'closing_review'] as const;
export const defaultSchedulePhases: readonly (typeof schedulePhases)[number][] = ['execution', 'monitoring'];

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
      } catch {
        return false;
      }
    },
    { message: 'Expected an IANA time zone such as Asia/Shanghai or Europe/Berlin.' },
  )
  .meta({ title: 'Time zone', description: "IANA name; empty = the project's calendar zone (the default calendar's for all projects)." });

export const triggerConfigSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: triggerEventSchema.exclude(['kpi_threshold_crossed', 'schedule', 'forecast_below_threshold']) }),
  z.strictObject({
    event: z.literal('kpi_threshold_crossed'),
    metric: z.string().min(1).max(64).meta({ title: 'KPI metric', description: "The project's goal with this KPI metric (revenue, new_customers or a custom name) is watched." }),
    direction: z.enum(['above', 'below']).meta({ title: 'Crosses' }),
    threshold: z
      .number()
      .meta({ title: 'Threshold (%)', description: "Attainment of the goal's target, in %: the flow starts when a KPI report moves it across this value." }),
    fewerBusinessDaysLeftThan: z
      .int()
      .min(1)
      .max(3660)
      .optional()
      .meta({ title: 'Only with fewer business days left than', description: "Empty = always. Counted in the project's calendar up to the end of the goal's period." }),
    // Optional, so versions published before it still parse (and watch the goal, as they did).
    watch: z
      .enum(['goal', 'funnel_stage'])
      .optional()
      .meta({
        title: 'Watches',
        description: "Empty or goal: the attainment of the goal with this KPI metric. Funnel stage: the count of the funnel stage whose key is the metric, against its plan so far (a leading indicator).",
      }),
  }),
  // A scheduled flow runs once per project it is bound to, so project variables still exist.
  // The newer fields are optional so versions published before them still parse.
  z.strictObject({
    event: z.literal('schedule'),
    cron: cronSchema,
    timeZone: timeZoneSchema.optional(),
    workingDaysOnly: z.boolean().optional().meta({ title: 'Working days only', description: "Skip days off and holidays of the project's business calendar." }),
    phases: z
      .array(z.enum(schedulePhases))
      .min(1)
      .max(schedulePhases.length)
      .optional()
      .meta({ title: 'Phases', description: 'For a binding to all projects: the phases a project must be in (default execution and monitoring).' }),
  }),
  // Raised per goal, allocation or milestone whose forecast falls below the threshold, once per fall.
  z.strictObject({
    event: z.literal('forecast_below_threshold'),
    forecastBelowPct: z
      .number()
      .gt(0)
      .max(1000)
      .meta({
        title: 'Forecast below (% of plan)',
        description: 'The flow starts when a KPI report moves the forecast at the due date below this share of the plan; again only after it has risen back above.',
      }),
    forecastWatch: z
      .array(z.enum(forecastSubjectKinds))
      .min(1)
      .max(forecastSubjectKinds.length)
      .optional()
      .meta({ title: 'Watch', description: 'Empty = goals, allocations and milestones.' }),
    forecastMetric: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .meta({ title: 'Only the KPI metric', description: 'Empty = every metric; else only what has this KPI metric (revenue, new_customers or a custom name).' }),
  }),
]);
export type TriggerConfig = z.infer<typeof triggerConfigSchema>;

export const trigger = defineNode({
  kind: 'trigger',
  label: 'Trigger',
  help: 'Where the flow starts: the event that sets it off. Every flow has exactly one.',
  icon: 'zap',
  category: 'start',
  config: triggerConfigSchema,
  defaults: { event: 'milestone_missed' },
  inputs: [],
  outputs: () => [requiredOutput('next', 'Then')],
  waits: false,
  provides: (config) => variablesForEvent(config.event),
});
