import { z } from '@hono/zod-openapi';
import { riskStatuses, riskWarningDirections, type RiskEarlyWarning } from '../../workflows/domain';
import { Uuid, projectItemParams, patchBodyOf, Name, Prose } from './common';

export const EarlyWarningRule = z
  .strictObject({
    metric: Name(100),
    direction: z.enum(riskWarningDirections, { error: "must be 'above' or 'below'" }),
    threshold: z.number({ error: 'must be a number' }).finite(),
  })
  .openapi('RiskEarlyWarning', {
    description: "Raises the risk when the project's KPI (total, or latest value for rates and scores) goes above or below the threshold",
    example: { metric: 'call_connection_rate', direction: 'below', threshold: 30 },
  }) satisfies z.ZodType<RiskEarlyWarning>;

const rating = (what: string) =>
  z
    .int({ error: `${what} must be a whole number from 1 to 5` })
    .min(1, { error: `${what} must be from 1 to 5` })
    .max(5, { error: `${what} must be from 1 to 5` });

const riskFields = {
  title: Name(300),
  probability: rating('probability'),
  impact: rating('impact'),
  ownerId: Uuid.nullable(),
  mitigation: Prose(5000).nullable(),
  status: z.enum(riskStatuses),
  earlyWarning: EarlyWarningRule.nullable(),
};

export const NewRiskBody = z
  .strictObject({
    title: riskFields.title,
    probability: riskFields.probability,
    impact: riskFields.impact,
    ownerId: riskFields.ownerId.optional(),
    mitigation: riskFields.mitigation.optional(),
    status: riskFields.status.default('open'),
    earlyWarning: riskFields.earlyWarning.optional(),
  })
  .openapi('NewRisk');

/** `status` can change in every phase; everything else is part of the plan. */
export const RiskPatchBody = patchBodyOf(riskFields).openapi('RiskPatch');

export const RiskParams = projectItemParams('riskId');

export const RiskQuery = z.strictObject({ status: z.enum(riskStatuses).optional() });

export const Risk = z
  .object({
    id: z.string(),
    projectId: z.string(),
    title: z.string(),
    probability: z.number(),
    impact: z.number(),
    /** probability × impact, 1–25. */
    score: z.number(),
    ownerId: z.string().nullable(),
    mitigation: z.string().nullable(),
    status: z.enum(riskStatuses),
    earlyWarning: EarlyWarningRule.nullable(),
    /** When the early-warning rule fired; null while it has not. */
    raisedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Risk');

export type Risk = z.infer<typeof Risk>;
