import { DomainError } from '../errors';
import { apportionToQuotas, toMinorUnits } from '../money';
import { divideRatios, multiplyRatios, ratio, ratioFromDecimal, sumRatios } from '../ratio';
import { roundMatrix } from './controlled-rounding';

export type FunnelErrorCode = 'invalid_funnel';
/** `field` names the faulty input (`stages.1.conversionRate`), for the API's 400 details. */
export class FunnelError extends DomainError<FunnelErrorCode> {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('invalid_funnel', message);
  }
}

/**
 * A stage of the sales funnel, top first. `conversionRate` is the share of this stage that reaches
 * the next one; the last stage is the signed contract, whose count times the average deal is the
 * revenue, so it has none.
 */
export interface FunnelStage {
  key: string;
  conversionRate?: number | string;
}

/** The practice's default funnel: prospects → qualified leads → demos and proposals → contracts. */
export const defaultFunnelStageKeys = ['prospects', 'qualified_leads', 'proposals', 'contracts'] as const;

export interface StageVolume {
  key: string;
  /** How many the stage needs over the whole period. */
  total: number;
  /** Its parts per period of the target's decomposition (months, say), summing to `total`. */
  perPeriod: number[];
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/**
 * The volume each stage needs to bring in the revenue target: contracts = ⌈target ÷ average deal⌉,
 * and each earlier stage = ⌈next stage ÷ its conversion rate⌉ (5,000,000 at 50,000 a deal with a
 * 25 % win rate: 100 contracts from 400 qualified opportunities). Each stage's total is split over
 * the periods in proportion to the target's own decomposition (largest remainder), so a plan
 * weighted toward Q4 asks for its proposals there too.
 */
export function deriveFunnel(input: { target: string | number; averageDeal: string | number; stages: readonly FunnelStage[]; periodAmountsMinor: readonly bigint[]; scale?: number }): StageVolume[] {
  const scale = input.scale ?? 2;
  const { stages } = input;
  if (stages.length === 0) throw new FunnelError('stages', 'the funnel has no stages');
  const keys = new Set<string>();
  stages.forEach((stage, index) => {
    if (keys.has(stage.key)) throw new FunnelError(`stages.${index}.key`, `${stage.key} is in the funnel twice`);
    keys.add(stage.key);
  });
  const target = toMinorUnits(input.target, scale);
  const deal = toMinorUnits(input.averageDeal, scale);
  if (deal <= 0n) throw new FunnelError('averageDeal', 'must be more than 0');
  if (target < 0n) throw new FunnelError('target', 'cannot be negative');
  const rates = stages.slice(0, -1).map((stage, index) => {
    const rate = stage.conversionRate === undefined ? null : ratioFromDecimal(stage.conversionRate);
    if (rate === null || rate.num <= 0n || rate.num > rate.den) throw new FunnelError(`stages.${index}.conversionRate`, 'must be more than 0 and at most 1 (a share: 0.25 is 25 %)');
    return rate;
  });
  if (stages.at(-1)?.conversionRate !== undefined) throw new FunnelError(`stages.${stages.length - 1}.conversionRate`, 'the last stage is the signed contract: it converts to revenue, not to another stage');

  const totals: bigint[] = new Array<bigint>(stages.length).fill(0n);
  totals[stages.length - 1] = ceilDiv(target, deal);
  for (let index = stages.length - 2; index >= 0; index--) {
    const rate = rates[index]!;
    totals[index] = ceilDiv(totals[index + 1]! * rate.den, rate.num);
  }

  const periodsTotal = input.periodAmountsMinor.reduce((sum, amount) => sum + amount, 0n);
  return stages.map((stage, index) => {
    const total = totals[index]!;
    const perPeriod = periodsTotal === 0n ? input.periodAmountsMinor.map(() => 0n) : apportionToQuotas(total, input.periodAmountsMinor.map((amount) => divideRatios(multiplyRatios(ratio(total), ratio(amount)), ratio(periodsTotal))));
    return { key: stage.key, total: Number(total), perPeriod: perPeriod.map(Number) };
  });
}

/**
 * One stage's volume split among members by their share of the target, and over the periods: each
 * member × period cell its exact share rounded down or up, rows summing to the member's volume.
 * A member's row follows their own months (`monthsMinor`: their quota by period, when the goal is
 * allocated with a split of its own); a part without them (the unallocated rest) follows the
 * stage's periods. Columns sum to the stage's volume for the period when a rounding reaches it
 * (always, when everyone follows the stage's periods), else to what the members' months ask for,
 * rounded; when no rounding reaches those either, each row is rounded on its own.
 */
export function stageVolumeByHolder(
  stage: StageVolume,
  holderParts: readonly { holderId: string | null; amountMinor: bigint; monthsMinor?: readonly bigint[] }[],
): { holderId: string | null; total: number; perPeriod: number[] }[] {
  const partsTotal = holderParts.reduce((sum, part) => sum + part.amountMinor, 0n);
  const total = BigInt(stage.total);
  if (partsTotal === 0n) return holderParts.map((part) => ({ holderId: part.holderId, total: 0, perPeriod: stage.perPeriod.map(() => 0) }));
  const rowTotals = apportionToQuotas(total, holderParts.map((part) => divideRatios(multiplyRatios(ratio(total), ratio(part.amountMinor)), ratio(partsTotal))));
  const weightsOf = (part: (typeof holderParts)[number]): readonly bigint[] => {
    const own = part.monthsMinor;
    return own && own.length === stage.perPeriod.length && own.some((month) => month > 0n) ? own : stage.perPeriod.map(BigInt);
  };
  const quotas = rowTotals.map((row, index) => {
    const weights = weightsOf(holderParts[index]!);
    const sum = weights.reduce((acc, weight) => acc + weight, 0n);
    return weights.map((weight) => (sum === 0n ? ratio(0n) : divideRatios(multiplyRatios(ratio(row), ratio(weight)), ratio(sum))));
  });
  // Columns: the stage's own months when a rounding reaches them, else what the rows ask for, rounded.
  const ownMonths = holderParts.some((part) => weightsOf(part) === part.monthsMinor);
  const columnChoices = [stage.perPeriod.map(BigInt), ...(ownMonths ? [apportionToQuotas(total, stage.perPeriod.map((_, j) => sumRatios(quotas.map((row) => row[j]!))))] : [])];
  const grid =
    columnChoices.reduce<bigint[][] | null>((found, columns) => {
      if (found) return found;
      try {
        return roundMatrix(quotas, rowTotals, columns);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        return null;
      }
    }, null) ?? quotas.map((row, index) => apportionToQuotas(rowTotals[index]!, row));
  return holderParts.map((part, index) => ({ holderId: part.holderId, total: Number(rowTotals[index]!), perPeriod: grid[index]!.map(Number) }));
}
