import { z } from '@hono/zod-openapi';
import { goalDirections, goalMetrics, smartGoalSchema } from '../../workflows/domain';
import { projectItemParams } from './common';

/** A SMART goal: the same schema the domain checks goals with, so every message names its element. */
// Domain schemas may be built before zod gains `.openapi`; `.describe` gives a copy that has it.
export const NewGoalBody = smartGoalSchema.describe('A SMART goal: metric, unit, direction, baseline, target and period').openapi('NewGoal', {
  example: {
    metric: 'revenue',
    unit: 'CNY',
    direction: 'at_least',
    baseline: null,
    target: '5000000',
    period: { start: '2027-01-01T00:00:00+08:00', end: '2028-01-01T00:00:00+08:00' },
  },
});

const goalField = smartGoalSchema.shape;

/** The rule that ties KPI reports to goals, said wherever a client reports or reads them. */
export const kpiCountsRule =
  "A KPI report counts toward a goal when its `metric` equals the goal's `kpiMetric` exactly; a project that tracks metrics (its goals', milestones' and risk rules') refuses reports of any other metric with 400. A report whose `metric` is the key of one of the project's funnel stages is a count of that stage";

/** Any fields of a goal; the goal as changed must still be SMART. `customMetricName: null` removes it. */
export const GoalPatchBody = z
  .strictObject({
    metric: goalField.metric.optional(),
    customMetricName: goalField.customMetricName.nullable(),
    unit: goalField.unit.optional(),
    direction: goalField.direction.removeDefault().optional(),
    baseline: goalField.baseline.removeDefault().optional(),
    target: goalField.target.optional(),
    period: goalField.period.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, { error: 'give at least one field to change' })
  .openapi('GoalPatch');

export const GoalParams = projectItemParams('goalId');

export const DeleteGoalQuery = z.strictObject({
  withMilestones: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Also delete the milestones decomposed from this goal; without it a goal that has milestones is kept (409)' }),
});

export const Goal = z
  .object({
    id: z.string(),
    projectId: z.string(),
    metric: z.enum(goalMetrics),
    customMetricName: z.string().nullable(),
    kpiMetric: z.string().openapi({
      description: `The metric name KPI reports for this goal use: \`metric\`, or for \`custom\` the \`customMetricName\`. ${kpiCountsRule}.`,
    }),
    unit: z.string(),
    direction: z.enum(goalDirections),
    /** Exact decimal text, as stored. */
    baseline: z.string().nullable(),
    target: z.string(),
    period: z.object({ start: z.string(), end: z.string() }),
    createdAt: z.string(),
  })
  .openapi('Goal');

export type Goal = z.infer<typeof Goal>;
