import { DomainError } from '../errors';
import { apportionToQuotas, toMinorUnits } from '../money';
import { divideRatios, multiplyRatios, ratio, ratioFromDecimal } from '../ratio';
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
 * member × period cell its exact share rounded down or up, rows summing to the member's volume and
 * columns to the stage's volume for the period.
 */
export function stageVolumeByHolder(stage: StageVolume, holderParts: readonly { holderId: string | null; amountMinor: bigint }[]): { holderId: string | null; total: number; perPeriod: number[] }[] {
  const partsTotal = holderParts.reduce((sum, part) => sum + part.amountMinor, 0n);
  const total = BigInt(stage.total);
  if (partsTotal === 0n) return holderParts.map((part) => ({ holderId: part.holderId, total: 0, perPeriod: stage.perPeriod.map(() => 0) }));
  const rowTotals = apportionToQuotas(total, holderParts.map((part) => divideRatios(multiplyRatios(ratio(total), ratio(part.amountMinor)), ratio(partsTotal))));
  const quotas = rowTotals.map((row) => stage.perPeriod.map((period) => (total === 0n ? ratio(0n) : divideRatios(multiplyRatios(ratio(row), ratio(BigInt(period))), ratio(total)))));
  const grid = roundMatrix(quotas, rowTotals, stage.perPeriod.map(BigInt));
  return holderParts.map((part, index) => ({ holderId: part.holderId, total: Number(rowTotals[index]!), perPeriod: grid[index]!.map(Number) }));
}
