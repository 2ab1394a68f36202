import { z } from '@hono/zod-openapi';
import { payoutStatuses } from '../../workflows/domain/sales-plan/payout-status';
import { Name, Timestamp, Uuid } from './common';
import { NonNegativeDecimal } from './plan';
import { BudgetLine } from './budget';

const Percent = z.number().min(0).max(100_000);
const RuleId = z.string().trim().min(1, 'must not be empty').max(60);

const CommissionTier = z
  .strictObject({
    fromPct: Percent.openapi({ description: 'Where the tier starts, in % of the quota (the first starts at 0)' }),
    toPct: Percent.nullable().openapi({ description: 'Where it ends, in % of the quota; null for the last, open-ended tier' }),
    rate: NonNegativeDecimal.openapi({ description: 'Share of the revenue in the tier that is paid, 0 to 1 (0.03 is 3 %)' }),
  })
  .openapi('CommissionTier');

const Bonus = z
  .discriminatedUnion('kind', [
    z.strictObject({ id: RuleId, kind: z.literal('milestone'), milestoneId: Uuid, amount: NonNegativeDecimal }),
    z.strictObject({ id: RuleId, kind: z.literal('rank'), rank: z.int().min(1).max(1000), amount: NonNegativeDecimal }),
  ])
  .openapi('IncentiveBonus');

const Recognition = z.strictObject({ id: RuleId, rank: z.int().min(1).max(1000), title: Name(100) }).openapi('IncentiveRecognition');

/** What the owner sets: tiers without gap or overlap (checked beyond this shape, field by field). */
export const IncentiveRulesBody = z
  .strictObject({
    metric: z.string().trim().min(1).max(100).default('revenue').openapi({ description: 'The KPI metric commission is paid on (default revenue)' }),
    budgetLineId: Uuid.nullable().default(null).openapi({ description: 'The budget line approved payouts are booked on' }),
    commission: z.strictObject({
      tiers: z.array(CommissionTier).min(1).max(20),
      cap: NonNegativeDecimal.nullable().default(null).openapi({ description: "Most a member's commission can be, in money" }),
    }),
    bonuses: z.array(Bonus).max(50).default([]),
    recognitions: z.array(Recognition).max(50).default([]),
  })
  .openapi('IncentiveRulesBody');

export const IncentiveRules = z
  .object({
    projectId: z.string(),
    metric: z.string(),
    budgetLineId: z.string().nullable(),
    commission: z.object({ tiers: z.array(z.object({ fromPct: z.number(), toPct: z.number().nullable(), rate: z.string() })), cap: z.string().nullable() }),
    bonuses: z.array(z.union([z.object({ id: z.string(), kind: z.literal('milestone'), milestoneId: z.string(), amount: z.string() }), z.object({ id: z.string(), kind: z.literal('rank'), rank: z.number(), amount: z.string() })])),
    recognitions: z.array(z.object({ id: z.string(), rank: z.number(), title: z.string() })),
    updatedAt: z.string(),
  })
  .openapi('IncentiveRules');

/** workflows/domain/sales-plan/incentives.ts `Earnings`, amounts to the cent as text. */
export const Earnings = z
  .object({
    memberId: z.string(),
    attainmentPct: z.string(),
    tiers: z.array(z.object({ fromPct: z.number(), toPct: z.number().nullable(), rate: z.string(), base: z.string(), commission: z.string() })),
    commissionBeforeCap: z.string(),
    commission: z.string(),
    capped: z.boolean(),
    bonuses: z.array(z.object({ id: z.string(), amount: z.string() })),
    recognitions: z.array(z.object({ id: z.string(), title: z.string() })),
    total: z.string(),
  })
  .openapi('Earnings');

const PayoutSums = z.object({ earned: z.string(), approved: z.string(), rejected: z.string() }).openapi({ description: 'Payouts by status: earned (awaiting the flow), approved, rejected' });

export const MemberIncentive = z
  .object({
    memberId: z.string(),
    name: z.string(),
    quota: z.string(),
    revenue: z.string(),
    rank: z.number(),
    soFar: Earnings.openapi({ description: 'Earned from the KPI reports up to `asOf` (rank bonuses once the period is over)' }),
    forecastRevenue: z.string(),
    forecastRank: z.number(),
    atForecast: Earnings.openapi({ description: 'What the member would earn at the forecast of their revenue at the period end' }),
    payouts: PayoutSums,
  })
  .openapi('MemberIncentive');

export const Incentives = z
  .object({
    asOf: z.string(),
    /** team: every member's row (the project's managers); own: the reader's row only. */
    view: z.enum(['team', 'own']),
    rules: IncentiveRules.nullable(),
    /** Everyone's for the project's managers; a member's own row for a member. */
    members: z.array(MemberIncentive),
    /** The incentive budget line and what payouts consumed of it; null for members or without a line. */
    budget: z
      .object({ line: BudgetLine, approvedPayouts: z.string(), earnedPayouts: z.string(), forecastTotal: z.string() })
      .nullable(),
  })
  .openapi('Incentives');

export const IncentivesQuery = z.strictObject({
  asOf: Timestamp.optional().openapi({ description: 'Earnings as of this moment (default now)' }),
});

export const Payout = z
  .object({
    id: z.string(),
    projectId: z.string(),
    memberId: z.string(),
    memberName: z.string(),
    amount: z.string(),
    earnedTotal: z.string(),
    asOf: z.string(),
    status: z.enum(payoutStatuses),
    budgetLineId: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('IncentivePayout');

export const Settlement = z.object({ payouts: z.array(Payout) }).openapi('IncentiveSettlement');

export type IncentiveRulesBody = z.infer<typeof IncentiveRulesBody>;
export type Incentives = z.infer<typeof Incentives>;
export type MemberIncentive = z.infer<typeof MemberIncentive>;
export type Payout = z.infer<typeof Payout>;
export type IncentiveRules = z.infer<typeof IncentiveRules>;
