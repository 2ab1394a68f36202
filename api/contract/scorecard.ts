import { z } from '@hono/zod-openapi';
import { IdParam } from './common';

const percentage = (what: string) => z.number({ error: `${what} must be a number` }).finite();

export const ScorecardDimension = z
  .strictObject({
    key: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(64)
      .openapi({ description: "A goal's KPI metric of this project (revenue, new_customers, satisfaction…) or `training` (completion of the member's training items)" }),
    weightPct: percentage('the weight').min(0, 'cannot be negative').openapi({ description: 'Weight in %; the weights of all dimensions add up to 100' }),
    capPct: percentage('the cap').gt(0, 'must be more than 0').openapi({ description: 'Attainment counts up to this % (e.g. 120), so one number far over target cannot make up for the others' }),
  })
  .openapi('ScorecardDimension');

export const ScorecardBody = z
  .strictObject({ dimensions: z.array(ScorecardDimension).min(1, 'must not be empty').max(20) })
  .openapi('ScorecardConfig', {
    example: {
      dimensions: [
        { key: 'revenue', weightPct: 40, capPct: 120 },
        { key: 'new_customers', weightPct: 20, capPct: 120 },
        { key: 'satisfaction', weightPct: 20, capPct: 100 },
        { key: 'training', weightPct: 20, capPct: 100 },
      ],
    },
  });

export const Scorecard = z
  .object({
    configured: z.boolean(),
    dimensions: z.array(ScorecardDimension),
    /** The keys a dimension may have in this project: its goals' KPI metrics and `training`. */
    options: z.array(z.string()),
    updatedAt: z.string().nullable(),
  })
  .openapi('Scorecard');

export const ScoredMember = z
  .object({
    rank: z.number(),
    memberId: z.string(),
    name: z.string(),
    /** Σ weight × capped attainment, exact decimal text to two places. */
    score: z.string(),
    reportedNothing: z.boolean(),
    dimensions: z.array(z.object({ key: z.string(), attainmentPct: z.number(), countedPct: z.number(), points: z.string() })),
  })
  .openapi('ScoredMember');

export const ScorecardRanking = z
  .object({ month: z.string().nullable(), from: z.string(), to: z.string(), dimensions: z.array(ScorecardDimension), entries: z.array(ScoredMember) })
  .openapi('ScorecardRanking');

export const ScorecardRankingQuery = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2027-03')
    .optional()
    .openapi({ description: "The month, in the project calendar's zone; none = the whole project period" }),
});

export const ScorecardParams = IdParam;

export type Scorecard = z.infer<typeof Scorecard>;
export type ScorecardRanking = z.infer<typeof ScorecardRanking>;
export type ScoredMember = z.infer<typeof ScoredMember>;
