import { describe, expect, it } from 'vitest';
import { forecast } from '../../../../workflows/domain/sales-plan/forecast';
import { periodActuals, planFromCheckpoints, planWithin } from '../../../../workflows/domain/sales-plan/forecast-plan';

const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const year = { start: utc('2027-01-01'), end: utc('2028-01-01') };
/** A decomposition of 600 over the quarters weighted 1/1/1/3: its milestones' cumulative targets. */
const q4Checkpoints = [
  { at: utc('2027-04-01'), cumulative: '100' },
  { at: utc('2027-07-01'), cumulative: '200' },
  { at: utc('2027-10-01'), cumulative: '300' },
  { at: utc('2028-01-01'), cumulative: '600' },
];
const amounts = (plan: { amount: string | number }[]) => plan.map((p) => String(p.amount));

describe("the plan a forecast paces against, read from the decomposition's milestones", () => {
  it('turns cumulative targets into what each period adds: 100, 100, 100 and 300 for quarters weighted 1/1/1/3', () => {
    const plan = planFromCheckpoints({ ...year, total: 600, checkpoints: q4Checkpoints });
    expect(amounts(plan)).toEqual(['100', '100', '100', '300']);
    expect(plan.map((p) => p.start.toISOString().slice(0, 10))).toEqual(['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']);
  });

  it('spreads a goal without milestones evenly over its period, and what milestones leave of the target over the rest', () => {
    expect(amounts(planFromCheckpoints({ ...year, total: 1200, checkpoints: [] }))).toEqual(['1200']);
    const partly = planFromCheckpoints({ ...year, total: 1000, checkpoints: [{ at: utc('2027-07-01'), cumulative: 400 }] });
    expect(amounts(partly)).toEqual(['400', '600']);
    expect(partly[1]).toMatchObject({ start: utc('2027-07-01'), end: year.end });
  });

  it("cuts a plan to a milestone's own window, keeping each cut period's share of the time", () => {
    // June of a plan whose Q2 holds 91 days and 910: 30 days, so 300.
    const plan = planFromCheckpoints({ ...year, total: 1910, checkpoints: [{ at: utc('2027-04-01'), cumulative: 0 }, { at: utc('2027-07-01'), cumulative: 910 }] });
    expect(amounts(planWithin(plan, utc('2027-06-01'), utc('2027-07-01')))).toEqual(['300']);
    expect(amounts(planWithin(plan, utc('2027-01-01'), utc('2027-07-01')))).toEqual(['0', '910']);
  });

  it('sums each complete period, a report at a period end counting in the next one', () => {
    const plan = planFromCheckpoints({ ...year, total: 600, checkpoints: q4Checkpoints });
    const points = [
      { at: utc('2027-02-10'), value: '50' },
      { at: utc('2027-03-31'), value: '40' },
      { at: utc('2027-04-01'), value: '60' },
      { at: utc('2027-06-30'), value: '50' },
      { at: utc('2027-07-02'), value: '999' },
    ];
    expect(periodActuals(plan, points, utc('2027-07-01'))).toEqual(['90', '110']);
  });
});

describe('forecasts of known series against hand computations', () => {
  const q4Plan = planFromCheckpoints({ ...year, total: 600, checkpoints: q4Checkpoints });

  it('finds a Q4-weighted plan on track at midyear with 200 of 600 sold, where an even pace would call it a third behind', () => {
    // Planned by 1 July: 100 + 100 = 200, so the pace is 1 and the 400 still planned come in full.
    // Q1 at 90 and Q2 at 110 are paces 0.9 and 1.1: 200 + 400 × 0.9 = 560 to 200 + 400 × 1.1 = 640.
    const result = forecast({ plan: q4Plan, actualByNow: 200, asOf: utc('2027-07-01'), due: year.end, periodActuals: ['90', '110'] });
    expect(result).toMatchObject({ method: 'pace_against_plan', value: '600', low: '560', high: '640', percentOfPlan: 100 });
    expect(result.inputs).toMatchObject({ plannedByNow: '200', plannedAtDue: '600', pace: '1', periodPaces: ['0.9', '1.1'] });
    // The same 200 on an even plan of 600 would be 181 of 365 days in: 297.53 planned, a pace of 0.6722.
    const even = forecast({ plan: planFromCheckpoints({ ...year, total: 600, checkpoints: [] }), actualByNow: 200, asOf: utc('2027-07-01'), due: year.end });
    expect(even.inputs.plannedByNow).toBe('297.53');
    expect(even.percentOfPlan).toBe(67.22);
  });

  it("forecasts the Q3 milestone of that plan at its own cumulative target: 300 by 1 October, at the pace so far", () => {
    const result = forecast({ plan: q4Plan, actualByNow: 160, asOf: utc('2027-07-01'), due: utc('2027-10-01'), periodActuals: ['70', '90'] });
    // 160 of 200 planned is a pace of 0.8; the 100 of Q3 at 0.8 adds 80: 240, 80 % of 300.
    expect(result).toMatchObject({ value: '240', low: '230', high: '250', percentOfPlan: 80 });
    expect(result.inputs.plannedAtDue).toBe('300');
  });

  it('paces an accelerating series of monthly actuals (10, 20, 30, 40) by its total, its range from the first month to the last', () => {
    const months = planFromCheckpoints({
      ...year,
      total: 1200,
      checkpoints: Array.from({ length: 12 }, (_, m) => ({ at: new Date(Date.UTC(2027, m + 1, 1)), cumulative: 100 * (m + 1) })),
    });
    const points = [10, 20, 30, 40].map((value, m) => ({ at: new Date(Date.UTC(2027, m, 15)), value }));
    const actuals = periodActuals(months, points, utc('2027-05-01'));
    expect(actuals).toEqual(['10', '20', '30', '40']);
    // 100 of 400 planned: a pace of 0.25; the 800 left at 0.1 to 0.4 of plan.
    const result = forecast({ plan: months, actualByNow: 100, asOf: utc('2027-05-01'), due: year.end, periodActuals: actuals });
    expect(result).toMatchObject({ value: '300', low: '180', high: '420', percentOfPlan: 25 });
  });
});
