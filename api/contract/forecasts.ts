import { z } from '@hono/zod-openapi';
import { forecastSubjectKinds } from '../../workflows/domain/sales-plan/forecast-subjects';
import { Timestamp } from './common';

export const ForecastsQuery = z.strictObject({
  at: Timestamp.optional().openapi({ description: 'Forecast as of this moment, from the reports made by then (default now)' }),
});

/** Amounts are exact decimal text; percentages are numbers for display. */
export const Forecast = z
  .object({
    method: z.literal('pace_against_plan').openapi({ description: "The actual so far, paced against the plan's own decomposition up to now, carried to the due date" }),
    inputs: z.object({
      asOf: z.string(),
      due: z.string(),
      actualByNow: z.string(),
      plannedByNow: z.string(),
      plannedAtDue: z.string(),
      pace: z.string().nullable().openapi({ description: 'actualByNow ÷ plannedByNow: 1 is on plan' }),
      periodPaces: z.array(z.string()).openapi({ description: "Each complete period's own pace, oldest first: the range runs from the slowest to the fastest" }),
    }),
    value: z.string().nullable().openapi({ description: 'Expected at the due date; null before anything was planned' }),
    low: z.string().nullable(),
    high: z.string().nullable(),
    percentOfPlan: z.number().nullable(),
  })
  .openapi('Forecast');

export const SubjectForecast = z
  .object({
    kind: z.enum(forecastSubjectKinds),
    id: z.string().openapi({ description: "A goal's or milestone's id; an allocation's is `<goal id>:user:<id>` or `<goal id>:team:<id>`" }),
    name: z.string(),
    goalId: z.string().nullable(),
    metric: z.string(),
    unit: z.string(),
    ownerId: z.string().nullable(),
    holder: z.object({ userId: z.string().nullable(), teamId: z.string().nullable() }).nullable(),
    start: z.string(),
    due: z.string(),
    target: z.string(),
    plan: z.array(z.object({ at: z.string(), cumulative: z.string() })).openapi({ description: "The plan's cumulative value at the end of each of its periods" }),
    forecast: Forecast,
  })
  .openapi('SubjectForecast');

export const ProjectForecasts = z
  .object({
    projectId: z.string(),
    asOf: z.string(),
    subjects: z.array(SubjectForecast),
  })
  .openapi('ProjectForecasts');

export type ProjectForecasts = z.infer<typeof ProjectForecasts>;
export type SubjectForecast = z.infer<typeof SubjectForecast>;
