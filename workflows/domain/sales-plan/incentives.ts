import { Dec } from '../decimal';
import { DomainError } from '../errors';

/** `field` names the faulty rule (`commission.tiers.1.fromPct`), for the API's 400 details. */
export class IncentiveRuleError extends DomainError<'invalid_incentive_rules'> {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_incentive_rules', message);
  }
}

/**
 * A commission tier: `rate` of the revenue that falls between `fromPct` and `toPct` of the quota
 * (null: no upper end). Tiers start at 0 and follow each other without gap or overlap, so "3 % up
 * to 100 %, 5 % to 120 %, 8 % above" pays each part of the revenue at its own rate.
 */
export interface CommissionTier {
  fromPct: number;
  toPct: number | null;
  rate: string | number;
}

export interface IncentiveRules {
  commission: { tiers: CommissionTier[]; /** Most a member's commission can be, in money. */ cap?: string | number | null };
  /** Paid once each: for reaching a milestone (by id) or for a place in the scorecard's ranking. */
  bonuses: ({ id: string; kind: 'milestone'; milestoneId: string; amount: string | number } | { id: string; kind: 'rank'; rank: number; amount: string | number })[];
  /** Non-cash recognition (表彰) for a place in the ranking, e.g. 销售冠军 for the first. */
  recognitions: { id: string; rank: number; title: string }[];
}

/** Refuses rules that cannot be paid as meant: tiers with a gap or an overlap, rates outside [0, 1], negative amounts. */
export function checkIncentiveRules(rules: IncentiveRules): void {
  const { tiers, cap } = rules.commission;
  if (tiers.length === 0) throw new IncentiveRuleError('commission.tiers', 'there are no tiers');
  tiers.forEach((tier, index) => {
    const at = `commission.tiers.${index}`;
    const expectedFrom = index === 0 ? 0 : tiers[index - 1]!.toPct;
    if (tier.fromPct !== expectedFrom) {
      throw new IncentiveRuleError(`${at}.fromPct`, index === 0 ? 'the first tier starts at 0 %' : `starts at ${tier.fromPct} %, but the tier before ends at ${expectedFrom} %: tiers may not overlap or leave a gap`);
    }
    if (tier.toPct === null && index !== tiers.length - 1) throw new IncentiveRuleError(`${at}.toPct`, 'only the last tier is open-ended');
    if (tier.toPct !== null && tier.toPct <= tier.fromPct) throw new IncentiveRuleError(`${at}.toPct`, `must be above ${tier.fromPct} %`);
    const rate = new Dec(tier.rate);
    if (rate.isNegative() || rate.greaterThan(1)) throw new IncentiveRuleError(`${at}.rate`, 'must be from 0 to 1 (0.03 is 3 %)');
  });
  if (tiers.at(-1)!.toPct !== null) throw new IncentiveRuleError(`commission.tiers.${tiers.length - 1}.toPct`, 'the last tier has no upper end, so revenue above it is still paid');
  if (cap !== undefined && cap !== null && new Dec(cap).isNegative()) throw new IncentiveRuleError('commission.cap', 'cannot be negative');
  const ids = new Set<string>();
  rules.bonuses.forEach((bonus, index) => {
    if (ids.has(bonus.id)) throw new IncentiveRuleError(`bonuses.${index}.id`, 'is used twice');
    ids.add(bonus.id);
    if (new Dec(bonus.amount).isNegative()) throw new IncentiveRuleError(`bonuses.${index}.amount`, 'cannot be negative');
    if (bonus.kind === 'rank' && (!Number.isInteger(bonus.rank) || bonus.rank < 1)) throw new IncentiveRuleError(`bonuses.${index}.rank`, 'must be 1 or more');
  });
}

export interface MemberResults {
  memberId: string;
  quota: string | number;
  revenue: string | number;
  /** Milestones of theirs that were met. */
  milestonesMet: readonly string[];
  /** Their place in the scorecard's ranking, or null. */
  rank: number | null;
}

export interface Earnings {
  memberId: string;
  attainmentPct: string;
  /** Per tier, the revenue it pays on and what it pays. */
  tiers: { fromPct: number; toPct: number | null; rate: string; base: string; commission: string }[];
  commissionBeforeCap: string;
  commission: string;
  capped: boolean;
  bonuses: { id: string; amount: string }[];
  recognitions: { id: string; title: string }[];
  /** Commission and bonuses, in money, to the cent. */
  total: string;
}

const cents = (value: InstanceType<typeof Dec>) => value.toDecimalPlaces(2).toFixed(2);

/**
 * What a member has earned under the rules, with decimal arithmetic to the cent (half up, once, on
 * each amount): commission tier by tier on the revenue, capped; the bonuses their milestones and
 * rank earn; their recognitions. Given forecast revenue instead, what they would earn.
 */
export function earnings(rules: IncentiveRules, member: MemberResults): Earnings {
  checkIncentiveRules(rules);
  const quota = new Dec(member.quota);
  const revenue = Dec.max(new Dec(member.revenue), 0);
  const tiers = rules.commission.tiers.map((tier) => {
    const from = quota.times(tier.fromPct).dividedBy(100);
    const to = tier.toPct === null ? null : quota.times(tier.toPct).dividedBy(100);
    const base = Dec.max(Dec.min(revenue, to ?? revenue).minus(from), 0);
    return { tier, base, commission: base.times(tier.rate) };
  });
  const beforeCap = tiers.reduce((sum, tier) => sum.plus(tier.commission), new Dec(0));
  const cap = rules.commission.cap === undefined || rules.commission.cap === null ? null : new Dec(rules.commission.cap);
  const commission = cap !== null && beforeCap.greaterThan(cap) ? cap : beforeCap;
  const metMilestones = new Set(member.milestonesMet);
  const bonuses = rules.bonuses
    .filter((bonus) => (bonus.kind === 'milestone' ? metMilestones.has(bonus.milestoneId) : member.rank === bonus.rank))
    .map((bonus) => ({ id: bonus.id, amount: cents(new Dec(bonus.amount)) }));
  const total = bonuses.reduce((sum, bonus) => sum.plus(bonus.amount), new Dec(cents(commission)));
  return {
    memberId: member.memberId,
    attainmentPct: quota.isZero() ? '0' : revenue.dividedBy(quota).times(100).toDecimalPlaces(2).toFixed(),
    tiers: tiers.map(({ tier, base, commission: paid }) => ({ fromPct: tier.fromPct, toPct: tier.toPct, rate: new Dec(tier.rate).toFixed(), base: cents(base), commission: cents(paid) })),
    commissionBeforeCap: cents(beforeCap),
    commission: cents(commission),
    capped: commission !== beforeCap,
    bonuses,
    recognitions: rules.recognitions.filter((recognition) => member.rank === recognition.rank).map(({ id, title }) => ({ id, title })),
    total: cents(total),
  };
}
