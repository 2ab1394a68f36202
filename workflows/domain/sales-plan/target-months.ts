import { decomposeTarget, decomposeTargetTree, type TargetGranularity, type TargetNode, type TargetPart } from '../decompose-target';
import { MAX_SCALE, apportionToQuotas, toMinorUnits } from '../money';
import { divideRatios, multiplyRatios, ratio, ratioFromDecimal } from '../ratio';

/** Where the months' split came from: the goal's applied decomposition by month or by quarter, or an even split when it has none. */
export type TargetMonthsSource = 'months' | 'quarters' | 'even';

/** A cumulative target the goal must reach by `at` (a milestone of its applied decomposition). */
export interface TargetCheckpoint {
  at: Date;
  cumulative: string;
}

/** Decimal places of a decimal text ('416666.67' → 2), 0 for whole numbers. */
function decimalsOf(value: string): number {
  const exact = ratioFromDecimal(value);
  if (!exact) return 0;
  for (let places = 0; places < MAX_SCALE; places++) if (10n ** BigInt(places) % exact.den === 0n) return places;
  return MAX_SCALE;
}

const monthsOf = (tree: TargetNode): TargetPart[] => (tree.level === 'month' ? [tree] : tree.children.flatMap(monthsOf));

/**
 * A goal's target per month, split the way the goal itself is: when its cumulative milestones are
 * the parts of a decomposition by month or by quarter (one per part, due at each part's end,
 * ending at the target), each part keeps exactly its amount and a quarter's months share it by
 * their length, as the decomposition does; otherwise every month weighs the same (a partial month
 * its share). The months sum to the target exactly, at the finest scale of the figures given.
 */
export function targetMonths(input: { target: string; periodStart: Date; periodEnd: Date; timeZone: string; checkpoints: readonly TargetCheckpoint[] }): {
  tree: TargetNode;
  months: TargetPart[];
  source: TargetMonthsSource;
  scale: number;
} {
  const { target, periodStart, periodEnd, timeZone } = input;
  const checkpoints = [...input.checkpoints].sort((a, b) => a.at.getTime() - b.at.getTime());
  const scale = Math.max(decimalsOf(target), ...checkpoints.map((point) => decimalsOf(point.cumulative)));
  const base = { total: target, periodStart, periodEnd, scale, timeZone };
  const targetMinor = toMinorUnits(target, scale);
  for (const [granularity, source] of [['month', 'months'], ['quarter', 'quarters']] as [TargetGranularity, TargetMonthsSource][]) {
    const parts = decomposeTarget({ ...base, granularity });
    if (parts.length !== checkpoints.length || !parts.every((part, index) => part.end.getTime() === checkpoints[index]!.at.getTime())) continue;
    const cumulative = checkpoints.map((point) => toMinorUnits(point.cumulative, scale));
    const amounts = cumulative.map((value, index) => value - (index === 0 ? 0n : cumulative[index - 1]!));
    if (cumulative.at(-1) !== targetMinor || amounts.some((amount) => amount < 0n) || amounts.every((amount) => amount === 0n)) break;
    // Weights equal to the parts' own amounts give each part back exactly (its quota is a whole number of units).
    const weights = amounts.map((amount) => Number(amount));
    if (!weights.every((weight) => Number.isSafeInteger(weight))) break;
    const tree = decomposeTargetTree({ ...base, granularity, weights });
    return { tree, months: monthsOf(tree), source, scale };
  }
  const tree = decomposeTargetTree({ ...base, granularity: 'month' });
  return { tree, months: monthsOf(tree), source: 'even', scale };
}

/**
 * A count (a funnel stage's volume, say) split over the target's months the way the target itself
 * is split: level by level, year → quarters → months, each part its exact share rounded down or up
 * and every level summing to its parent — so a Q4 holding half the target holds exactly half the
 * count (rounded), whatever its months' remainders.
 */
export function splitLikeTarget(count: bigint, tree: TargetNode): bigint[] {
  const root = tree.amountMinor;
  const split = (node: TargetNode, amount: bigint): bigint[] => {
    if (node.children.length === 0) return [amount];
    const quotas = node.children.map((child) => (root === 0n ? ratio(0n) : divideRatios(multiplyRatios(ratio(count), ratio(child.amountMinor)), ratio(root))));
    const parts = root === 0n ? node.children.map(() => 0n) : apportionToQuotas(amount, quotas);
    return node.children.flatMap((child, index) => split(child, parts[index]!));
  };
  return split(tree, root === 0n ? 0n : count);
}
