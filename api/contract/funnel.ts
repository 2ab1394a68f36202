import { z } from '@hono/zod-openapi';
import { Decimal, Name } from './common';

/** A stage's key is the KPI metric its counts are reported under, so it is written as metrics are. */
const StageKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be lower-case letters, digits and _, starting with a letter (it is the KPI metric of the stage, e.g. qualified_leads)')
  .openapi({ example: 'qualified_leads' });

export const FunnelStageBody = z
  .strictObject({
    key: StageKey,
    name: Name(100).nullable().optional().openapi({ description: "The stage's name; empty for the default stages, which every screen names in its language" }),
    conversionRate: Decimal.nullable()
      .optional()
      .openapi({ description: 'The share of this stage that reaches the next one, more than 0 and at most 1 (0.25 is 25 %); none for the last stage, the signed contract' }),
  })
  .openapi('FunnelStageInput');

export const FunnelBody = z
  .strictObject({
    averageDeal: Decimal.openapi({ description: 'The average signed deal, in the unit of the revenue goal; more than 0' }),
    stages: z.array(FunnelStageBody).max(12).openapi({ description: 'Top first; the last one is the signed contract' }),
  })
  .openapi('FunnelInput');

export const FunnelStage = z.object({ key: z.string(), name: z.string().nullable(), conversionRate: z.string().nullable() }).openapi('FunnelStage');

export const FunnelStageProgress = z
  .object({
    key: z.string(),
    name: z.string().nullable(),
    conversionRate: z.string().nullable(),
    planTotal: z.number().int().openapi({ description: 'What the stage needs over the revenue goal’s period' }),
    planPerMonth: z.array(z.number().int()).openapi({ description: 'Its parts per month of the goal, split as the goal’s target is; they sum to planTotal' }),
    actualPerMonth: z.array(z.string()),
    actualToDate: z.string(),
    plannedToDate: z.string().openapi({ description: 'The plan up to now: whole months before it and the elapsed share of this one' }),
    attainmentPct: z.number().nullable(),
    behind: z.boolean(),
    actualConversionRate: z.string().nullable().openapi({ description: 'The next stage’s count ÷ this one’s so far' }),
    conversionShort: z.boolean().openapi({ description: 'The actual conversion is below the planned rate' }),
  })
  .openapi('FunnelStageProgress');

export const Funnel = z
  .object({
    configured: z.boolean().openapi({ description: 'False until the project sets its funnel; the stages are then the default ones' }),
    averageDeal: z.string().nullable(),
    stages: z.array(FunnelStage),
    goal: z.object({ goalId: z.string(), label: z.string(), target: z.string(), periodStart: z.string(), periodEnd: z.string() }).nullable(),
    decomposition: z
      .enum(['months', 'quarters', 'even'])
      .nullable()
      .openapi({ description: "How the target's months were split: as the goal's decomposition by month or by quarter, or evenly when it has none" }),
    months: z.array(z.object({ label: z.string(), start: z.string(), end: z.string() })),
    problem: z.enum(['no_funnel', 'no_revenue_goal']).nullable(),
    progress: z.array(FunnelStageProgress),
    holders: z
      .array(
        z.object({
          userId: z.string().nullable(),
          teamId: z.string().nullable(),
          name: z.string().nullable(),
          stages: z.array(
            z.object({
              key: z.string(),
              planTotal: z.number().int(),
              planPerMonth: z.array(z.number().int()),
              plannedToDate: z.string(),
              actualToDate: z.string().nullable(),
              attainmentPct: z.number().nullable(),
            }),
          ),
        }),
      )
      .openapi({ description: "Each stage split among the holders of the revenue goal's quotas by their share; a member who does not plan the project sees only their own row" }),
    asOf: z.string(),
  })
  .openapi('Funnel');

export type Funnel = z.infer<typeof Funnel>;
export type FunnelBody = z.infer<typeof FunnelBody>;
