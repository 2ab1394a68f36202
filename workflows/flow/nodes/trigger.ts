import { z } from 'zod';
import { variablesForEvent } from '../context-variables';
import { checkCron } from '../cron';
import { defineNode, requiredOutput } from '../node-def';
import { triggerEventSchema } from '../trigger-events';

const cronSchema = z
  .string()
  .max(200)
  .superRefine((expression, ctx) => {
    const problem = checkCron(expression);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ title: 'Schedule (cron)', description: 'For example "0 9 * * MON" runs every Monday at 09:00.' });

export const triggerConfigSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: triggerEventSchema.exclude(['kpi_threshold_crossed', 'schedule']) }),
  z.strictObject({
    event: z.literal('kpi_threshold_crossed'),
    metric: z.string().min(1).max(64).meta({ title: 'KPI metric' }),
    direction: z.enum(['above', 'below']).meta({ title: 'Crosses' }),
    threshold: z.number().meta({ title: 'Threshold' }),
  }),
  // A scheduled flow runs once per project it is bound to, so project variables still exist.
  z.strictObject({ event: z.literal('schedule'), cron: cronSchema }),
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
