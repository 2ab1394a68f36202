/** A payout is earned when found, then approved or rejected by the flow bound to incentive_earned. */
export const payoutStatuses = ['earned', 'approved', 'rejected'] as const;
export type PayoutStatus = (typeof payoutStatuses)[number];
