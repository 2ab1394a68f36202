import { IncentiveRuleError, checkIncentiveRules, type IncentiveRules } from '../../workflows/domain/sales-plan/incentives';
import { invalidFields, said, type ErrorDetail, type Said } from '../errors';
import { sayIn } from '../said';

const detail = (path: string, message: Said): ErrorDetail => ({ path, message: sayIn('en', message), said: message });

/** The domain's refusal, said by key so a Chinese reader reads it in Chinese. */
function saidOf(error: IncentiveRuleError, rules: IncentiveRules): Said {
  const tier = /^commission\.tiers\.(\d+)\.(fromPct|toPct|rate)$/.exec(error.field);
  if (error.field === 'commission.tiers') return said('incentiveRules.noTiers');
  if (tier) {
    const index = Number(tier[1]);
    const current = rules.commission.tiers[index]!;
    if (tier[2] === 'fromPct') return index === 0 ? said('incentiveRules.firstTierAtZero') : said('incentiveRules.gapOrOverlap', { from: current.fromPct, expected: String(rules.commission.tiers[index - 1]!.toPct) });
    if (tier[2] === 'rate') return said('incentiveRules.rate');
    if (current.toPct === null) return said('incentiveRules.onlyLastOpen');
    return index === rules.commission.tiers.length - 1 && current.toPct > current.fromPct ? said('incentiveRules.lastOpen') : said('incentiveRules.above', { from: current.fromPct });
  }
  if (error.field.endsWith('.id')) return said('incentiveRules.usedTwice');
  if (error.field.endsWith('.rank')) return said('incentiveRules.rank');
  return said('incentiveRules.notNegative');
}

/** 400 naming the faulty field when the rules cannot be paid as meant (tiers that overlap or leave a gap…). */
export function requirePayableRules(rules: IncentiveRules): void {
  try {
    checkIncentiveRules(rules);
  } catch (error) {
    if (!(error instanceof IncentiveRuleError)) throw error;
    throw invalidFields([detail(error.field, saidOf(error, rules))]);
  }
}

export { detail as saidDetail };
