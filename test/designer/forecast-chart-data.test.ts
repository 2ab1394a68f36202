import { describe, expect, it } from 'vitest';
import type { SubjectForecast } from '../../api/contract/forecasts';
import { subjectChartData, withForecast } from '../../designer/src/forecast/forecast-chart-data';
import { visibleForecasts } from '../../designer/src/forecast/ForecastSection';

const forecast = (over: Partial<SubjectForecast['forecast']> = {}): SubjectForecast['forecast'] => ({
  method: 'pace_against_plan',
  inputs: { asOf: '2027-07-01T00:00:00.000Z', due: '2028-01-01T00:00:00.000Z', actualByNow: '160', plannedByNow: '200', plannedAtDue: '600', pace: '0.8', periodPaces: ['0.7', '0.9'] },
  value: '480',
  low: '440',
  high: '520',
  percentOfPlan: 80,
  ...over,
});

const subject = (over: Partial<SubjectForecast> = {}): SubjectForecast => ({
  kind: 'goal',
  id: 'g',
  name: 'Revenue',
  goalId: 'g',
  metric: 'revenue',
  unit: 'CNY',
  ownerId: 'owner',
  holder: null,
  start: '2027-01-01T00:00:00.000Z',
  due: '2028-01-01T00:00:00.000Z',
  target: '600',
  plan: [
    { at: '2027-04-01T00:00:00.000Z', cumulative: '100' },
    { at: '2027-07-01T00:00:00.000Z', cumulative: '200' },
    { at: '2027-10-01T00:00:00.000Z', cumulative: '300' },
    { at: '2028-01-01T00:00:00.000Z', cumulative: '600' },
  ],
  forecast: forecast(),
  ...over,
});

describe('plan, actual and forecast on one chart', () => {
  it('draws the forecast from what is reached now to the value at the due date, its range widening from nothing to low–high', () => {
    const points = subjectChartData(subject());
    expect(points.filter((p) => p.planned !== null).map((p) => p.planned)).toEqual([0, 100, 200, 300, 600]);
    expect(points.filter((p) => p.actual !== null).map((p) => [p.t, p.actual])).toEqual([
      [Date.parse('2027-01-01T00:00:00Z'), 0],
      [Date.parse('2027-07-01T00:00:00Z'), 160],
    ]);
    expect(points.filter((p) => p.forecast != null).map((p) => [p.t, p.forecast, p.range])).toEqual([
      [Date.parse('2027-07-01T00:00:00Z'), 160, [160, 160]],
      [Date.parse('2028-01-01T00:00:00Z'), 480, [440, 520]],
    ]);
  });

  it('draws no forecast once the due date is past, or before anything was planned', () => {
    expect(withForecast([], forecast({ inputs: { ...forecast().inputs, asOf: '2028-02-01T00:00:00.000Z' } }))).toEqual([]);
    expect(withForecast([], forecast({ value: null, low: null, high: null, percentOfPlan: null }))).toEqual([]);
  });
});

describe('whose forecasts a person sees', () => {
  const mine = subject({ kind: 'allocation', id: 'g:user:rep', holder: { userId: 'rep', teamId: null } });
  const theirs = subject({ kind: 'allocation', id: 'g:user:other', holder: { userId: 'other', teamId: null } });
  const all = [subject(), mine, theirs];

  it('shows a rep with a quota their own, and someone who plans the project the whole team', () => {
    expect(visibleForecasts(all, 'rep', false)).toEqual({ subjects: [mine], mine: true });
    expect(visibleForecasts(all, 'rep', true)).toEqual({ subjects: all, mine: false });
  });

  it('shows a member without a quota of their own the team’s figures', () => {
    expect(visibleForecasts(all, 'nobody', false)).toEqual({ subjects: all, mine: false });
  });
});
