import { z } from '@hono/zod-openapi';
import { timeZoneSchema } from '../../workflows/domain';
import { kpiCountsRule } from './goals';

export const KpiImportBody = z
  .strictObject({
    csv: z.string({ error: 'must be the CSV text' }).min(1, 'must not be empty'),
    timeZone: timeZoneSchema.optional().openapi({ description: "Zone for reported_at values without an offset; default the project calendar's" }),
  })
  .openapi('KpiImport', { description: `${kpiCountsRule}; here a bad row refuses the whole import.` });

export const KpiCsvText = z.string().openapi({
  description: 'metric,value,reported_at,reporter_email — one KPI report a row, header first',
  example: 'metric,value,reported_at,reporter_email\nrevenue,120000,2027-01-15,rep@example.com\n',
});

export const KpiImportResult = z
  .object({
    imported: z.number(),
    metrics: z.array(z.object({ metric: z.string(), count: z.number(), total: z.string().openapi({ description: 'Exact decimal text' }) })),
    /** Risks whose early-warning rule fired on the imported figures. */
    raisedRiskIds: z.array(z.string()),
  })
  .openapi('KpiImportResult');

export type KpiImportResult = z.infer<typeof KpiImportResult>;
