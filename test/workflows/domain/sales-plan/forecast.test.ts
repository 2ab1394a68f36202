import { describe, expect, it } from 'vitest';
import { forecast, forecastCrossing, plannedBy, type PlanPeriod } from '../../../../workflows/domain/sales-plan/forecast';

const utc = (text: string) => new Date(`${text}T00:00:00Z`);
/** Twelve months of 2027, 100 each. */
const flatPlan: PlanPeriod[] = Array.from({ length: 12 }, (_, m) => ({ start: new Date(Date.UTC(2027, m, 1)), end: new Date(Date.UTC(2027, m + 1, 1)), amount: 100 }));
/** The quarters of 2027 weighted 1/1/1/3 on 600. */
const q4Plan: PlanPeriod[] = [
  { start: utc('2027-01-01'), end: utc('2027-04-01'), amount: 100 },
  { start: utc('2027-04-01'), end: utc('2027-07-01'), amount: 100 },
  { start: utc('2027-07-01'), end: utc('2027-10-01'), amount: 100 },
  { start: utc('2027-10-01'), end: utc('2028-01-01'), amount: 300 },
];
const yearEnd = utc('2028-01-01');

describe('the forecast of where a target is heading', () => {
  it('carries a flat series on plan to the target: 300 of 300 by April is 1,200 of 1,200, with no spread', () => {
    const result = forecast({ plan: flatPlan, actualByNow: 300, asOf: utc('2027-04-01'), due: yearEnd, periodActuals: [100, 100, 100] });
    expect(result).toMatchObject({ value: '1200', low: '1200', high: '1200', percentOfPlan: 100 });
    expect(result.inputs).toMatchObject({ plannedByNow: '300', plannedAtDue: '1200', pace: '1', periodPaces: ['1', '1', '1'] });
  });

  it('paces an accelerating series by what it reached so far, and spreads the range from its slowest to its fastest month: 40, 60, 80 is 720 (540 to 900)', () => {
    // 180 of 300 planned: a pace of 0.6; the 900 still planned at 0.4 to 0.8 of plan.
    const result = forecast({ plan: flatPlan, actualByNow: 180, asOf: utc('2027-04-01'), due: yearEnd, periodActuals: [40, 60, 80] });
    expect(result).toMatchObject({ value: '720', low: '540', high: '900', percentOfPlan: 60 });
    expect(result.inputs.periodPaces).toEqual(['0.4', '0.6', '0.8']);
  });

  it('does not call a plan weighted toward Q4 behind for selling a sixth of the year in Q1: 100 by April forecasts 600, not 400', () => {
    const onPlan = forecast({ plan: q4Plan, actualByNow: 100, asOf: utc('2027-04-01'), due: yearEnd, periodActuals: [100] });
    expect(onPlan).toMatchObject({ value: '600', percentOfPlan: 100 });
    const behind = forecast({ plan: q4Plan, actualByNow: 80, asOf: utc('2027-04-01'), due: yearEnd, periodActuals: [80] });
    expect(behind).toMatchObject({ value: '480', low: '480', high: '480', percentOfPlan: 80 });
  });

  it('counts the elapsed share of the month it is in: on 15 February, 150 was planned, and 120 reached is a pace of 0.8 toward 960', () => {
    expect(plannedBy(flatPlan, utc('2027-02-15')).toFixed()).toBe('150');
    const result = forecast({ plan: flatPlan, actualByNow: 120, asOf: utc('2027-02-15'), due: yearEnd, periodActuals: [90] });
    expect(result).toMatchObject({ value: '960', percentOfPlan: 80 });
    // The range runs from January's pace (0.9) and the overall one (0.8) over the 1,050 still planned.
    expect(result).toMatchObject({ low: '960', high: '1065' });
  });

  it('forecasts a milestone due before the year ends at its own cumulative target: the end of June on a flat plan', () => {
    expect(forecast({ plan: flatPlan, actualByNow: 270, asOf: utc('2027-04-01'), due: utc('2027-07-01') })).toMatchObject({ value: '540', percentOfPlan: 90 });
  });

  it('says nothing before anything was planned, and what was reached once the due date is past', () => {
    expect(forecast({ plan: flatPlan, actualByNow: 0, asOf: utc('2026-12-01'), due: yearEnd })).toMatchObject({ value: null, percentOfPlan: null });
    expect(forecast({ plan: flatPlan, actualByNow: 1100, asOf: utc('2028-02-01'), due: yearEnd })).toMatchObject({ value: '1100', percentOfPlan: 91.67 });
  });
});

describe('crossing a forecast threshold', () => {
  it('is reported once per crossing and direction', () => {
    const series = [90, 75, 70, 85, 60];
    const crossings = series.map((now, index) => forecastCrossing(index === 0 ? null : series[index - 1]!, now, 80));
    expect(crossings).toEqual([null, 'fell_below', null, 'rose_above', 'fell_below']);
  });

  it('reports a first forecast already below the threshold as a crossing', () => {
    expect(forecastCrossing(null, 70, 80)).toBe('fell_below');
    expect(forecastCrossing(70, null, 80)).toBe(null);
  });
});
