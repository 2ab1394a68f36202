import { DomainError } from '../errors';
import { allocateLargestRemainder, fromMinorUnits, toMinorUnits } from '../money';
import { divideRatios, multiplyRatios, ratio } from '../ratio';
import { roundMatrix } from './controlled-rounding';

export type AllocationErrorCode = 'invalid_shares' | 'allocation_exceeds_target';
/** `field` names the faulty input (`shares.2.amount`), for the API's 400 details. */
export class AllocationError extends DomainError<AllocationErrorCode> {
  constructor(
    code: AllocationErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(code, message);
  }
}

/** A member's (or team's) part of a goal's target: a weight, or an amount in major units. */
export type Share = { holderId: string; weight: number } | { holderId: string; amount: string | number };

export interface Allocation {
  parts: { holderId: string; amountMinor: bigint; amount: string }[];
  /** What no member or team holds yet, shown as such rather than hidden in someone's share. */
  unallocatedMinor: bigint;
  unallocated: string;
}

/**
 * Splits a target among members or teams. By weights the parts sum to the target exactly (largest
 * remainder, to the unit of `scale`); by amounts each holds what it was given and the rest is
 * unallocated; amounts above the target are refused. Weights and amounts are not mixed.
 */
export function allocateTarget(input: { total: string | number; scale: number; shares: readonly Share[] }): Allocation {
  const totalMinor = toMinorUnits(input.total, input.scale);
  const { shares, scale } = input;
  if (shares.length === 0) throw new AllocationError('invalid_shares', 'shares', 'there is nobody to allocate the target to');
  const seen = new Set<string>();
  shares.forEach((share, index) => {
    if (seen.has(share.holderId)) throw new AllocationError('invalid_shares', `shares.${index}.holderId`, 'is allocated twice');
    seen.add(share.holderId);
  });
  const byWeight = shares.every((share) => 'weight' in share);
  const byAmount = shares.every((share) => 'amount' in share);
  if (!byWeight && !byAmount) throw new AllocationError('invalid_shares', 'shares', 'give every share a weight, or every share an amount, not both');

  let amounts: bigint[];
  if (byWeight) {
    const weights = shares.map((share, index) => {
      const weight = (share as { weight: number }).weight;
      if (!Number.isFinite(weight) || weight < 0) throw new AllocationError('invalid_shares', `shares.${index}.weight`, 'must be zero or more');
      return weight;
    });
    if (weights.every((weight) => weight === 0)) throw new AllocationError('invalid_shares', 'shares', 'the weights are all zero');
    amounts = allocateLargestRemainder(totalMinor, weights);
  } else {
    amounts = shares.map((share, index) => {
      let minor: bigint;
      try {
        minor = toMinorUnits((share as { amount: string | number }).amount, scale);
      } catch (error) {
        throw new AllocationError('invalid_shares', `shares.${index}.amount`, (error as Error).message);
      }
      if (minor < 0n) throw new AllocationError('invalid_shares', `shares.${index}.amount`, 'cannot be negative');
      return minor;
    });
    const allocated = amounts.reduce((sum, amount) => sum + amount, 0n);
    if (allocated > totalMinor) {
      throw new AllocationError(
        'allocation_exceeds_target',
        'shares',
        `the shares add up to ${fromMinorUnits(allocated, scale)}, more than the target of ${fromMinorUnits(totalMinor, scale)}`,
      );
    }
  }
  const unallocatedMinor = totalMinor - amounts.reduce((sum, amount) => sum + amount, 0n);
  return {
    parts: shares.map((share, index) => ({ holderId: share.holderId, amountMinor: amounts[index]!, amount: fromMinorUnits(amounts[index]!, scale) })),
    unallocatedMinor,
    unallocated: fromMinorUnits(unallocatedMinor, scale),
  };
}

/** One holder's target in each period of the project's decomposition (months, say). */
export interface HolderPeriods {
  /** null: the unallocated rest. */
  holderId: string | null;
  amountsMinor: bigint[];
}

/**
 * Each holder's part decomposed by the project's own periods: every cell is the exact share
 * (holder's part × period's part ÷ target) rounded down or up, each holder's row sums to their
 * part and each period's column to the project's amount for it — so the grid adds up both ways.
 * An unallocated rest gets a row of its own (holderId null).
 */
export function allocateOverPeriods(allocation: Allocation, periodAmountsMinor: readonly bigint[]): HolderPeriods[] {
  const rows = [
    ...allocation.parts.map((part) => ({ holderId: part.holderId as string | null, totalMinor: part.amountMinor })),
    ...(allocation.unallocatedMinor > 0n ? [{ holderId: null, totalMinor: allocation.unallocatedMinor }] : []),
  ];
  const totalMinor = rows.reduce((sum, row) => sum + row.totalMinor, 0n);
  const periodsTotal = periodAmountsMinor.reduce((sum, amount) => sum + amount, 0n);
  if (periodsTotal !== totalMinor) throw new RangeError(`allocateOverPeriods: the periods add up to ${periodsTotal}, the allocation to ${totalMinor}`);
  if (totalMinor === 0n) return rows.map((row) => ({ holderId: row.holderId, amountsMinor: periodAmountsMinor.map(() => 0n) }));
  const quotas = rows.map((row) => periodAmountsMinor.map((period) => divideRatios(multiplyRatios(ratio(row.totalMinor), ratio(period)), ratio(totalMinor))));
  const grid = roundMatrix(
    quotas,
    rows.map((row) => row.totalMinor),
    periodAmountsMinor,
  );
  return rows.map((row, index) => ({ holderId: row.holderId, amountsMinor: grid[index]! }));
}
