import { Dec, percentChange } from './decimal';

/**
 * How far spending runs over the plan, in percent of the plan (0 while within it), computed on the
 * exact amounts and rounded to two decimals for display; null when nothing was planned but
 * something was spent (no percentage says that).
 */
export function overrunPercent(planned: string, spent: string): number | null {
  const plan = new Dec(planned);
  const used = new Dec(spent);
  if (plan.lte(0)) return used.gt(0) ? null : 0;
  return used.gt(plan) ? percentChange(planned, spent) : 0;
}
