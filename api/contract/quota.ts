import { z } from '@hono/zod-openapi';
import { decomposeTargetInputSchema, targetGranularities } from '../../workflows/domain';
import { Uuid } from './common';
import { NonNegativeDecimal } from './plan';

/** A member's or a team's part of a goal's target: by weight, or by amount (one set never mixes them). */
export const QuotaShareInput = z
  .strictObject({
    userId: Uuid.optional(),
    teamId: Uuid.optional(),
    weight: z.number({ error: 'must be a number' }).min(0, 'cannot be negative').max(1_000_000_000).optional(),
    amount: NonNegativeDecimal.optional(),
  })
  .superRefine((share, ctx) => {
    if ((share.userId === undefined) === (share.teamId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'give a userId or a teamId, exactly one' });
    }
    if ((share.weight === undefined) === (share.amount === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['weight'], message: 'give a weight or an amount, exactly one' });
    }
  })
  .openapi('QuotaShareInput');

export const AllocationBody = z
  .strictObject({
    granularity: decomposeTargetInputSchema.shape.granularity.meta({ description: 'Cut each part into quarters or months, as the project decomposes its own target' }),
    /** One per quarter or month at `granularity`; without it every month weighs the same. */
    weights: decomposeTargetInputSchema.shape.weights,
    scale: decomposeTargetInputSchema.shape.scale,
    timeZone: decomposeTargetInputSchema.shape.timeZone.removeDefault().optional().openapi({ description: "Default: the project calendar's zone" }),
    shares: z.array(QuotaShareInput).max(500),
  })
  .superRefine((body, ctx) => {
    const users = new Set<string>();
    const teams = new Set<string>();
    body.shares.forEach((share, index) => {
      const [seen, id, field] = share.userId ? [users, share.userId, 'userId'] : [teams, share.teamId, 'teamId'];
      if (id === undefined) return;
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['shares', index, field], message: 'is allocated twice' });
      seen.add(id);
    });
    const byWeight = body.shares.filter((share) => share.weight !== undefined).length;
    if (byWeight > 0 && byWeight < body.shares.length) {
      ctx.addIssue({ code: 'custom', path: ['shares'], message: 'give every share a weight, or every share an amount, not both' });
    }
  })
  .openapi('AllocationInput');

export const QuotaShare = z
  .object({
    userId: z.string().nullable(),
    teamId: z.string().nullable(),
    name: z.string(),
    weight: z.number().nullable(),
    amount: z.string().nullable(),
    /** What the share comes to: exact, the parts by weight summing to the target. */
    quota: z.string(),
  })
  .openapi('QuotaShare');

export const QuotaMonth = z.object({ label: z.string(), start: z.string(), end: z.string(), amount: z.string() }).openapi('QuotaMonth');

export const Allocation = z
  .object({
    goalId: z.string(),
    metric: z.string(),
    total: z.string(),
    granularity: z.enum(targetGranularities),
    weights: z.array(z.number()).nullable(),
    scale: z.number(),
    timeZone: z.string(),
    shares: z.array(QuotaShare),
    /** What nobody holds yet, shown as such. */
    unallocated: z.string(),
    /** The goal's own months (the project's decomposition), which every member's months add up to. */
    months: z.array(QuotaMonth),
  })
  .openapi('Allocation');

export const QuotaCell = z.object({ label: z.string(), target: z.string(), actual: z.string().nullable() }).openapi('QuotaCell');

export const QuotaRow = z
  .object({
    holder: z.enum(['member', 'team', 'unallocated']),
    userId: z.string().nullable(),
    teamId: z.string().nullable(),
    name: z.string().nullable(),
    quota: z.string(),
    /** One per month of the goal, in order: the month's target and what was reported in it (null for the unallocated rest). */
    months: z.array(QuotaCell),
    /** Reported by the member (a team: by its members) within the goal's period up to `asOf`. */
    actual: z.string().nullable(),
    attainmentPct: z.number().nullable(),
  })
  .openapi('QuotaRow');

export const GoalQuotas = z
  .object({
    goalId: z.string(),
    metric: z.string(),
    label: z.string(),
    total: z.string(),
    unallocated: z.string(),
    months: z.array(QuotaMonth),
    rows: z.array(QuotaRow),
  })
  .openapi('GoalQuotas');

export const Quotas = z
  .object({
    asOf: z.string(),
    /** false: the caller sees only their own rows (a member); true: every member's (owner, managers). */
    seesAll: z.boolean(),
    mayAllocate: z.boolean(),
    goals: z.array(GoalQuotas),
  })
  .openapi('Quotas');

export const QuotasQuery = z.object({
  asOf: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2027-03-31T18:00:00+08:00' }).optional(),
});

export type Allocation = z.infer<typeof Allocation>;
export type Quotas = z.infer<typeof Quotas>;
