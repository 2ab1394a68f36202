import { describe, expect, it } from 'vitest';
import { checkSmart, goalKpiMetric, metricAggregation, smartGoalSchema } from '../../../workflows/domain/smart-goal';

const revenueGoal = {
  metric: 'revenue',
  unit: 'CNY',
  direction: 'at_least',
  baseline: 4_200_000,
  target: 5_000_000,
  period: { start: '2027-01-01T00:00:00+08:00', end: '2028-01-01T00:00:00+08:00' },
};

/** A copy of the revenue goal without one field, as a careless form would send it. */
const without = (field: keyof typeof revenueGoal): Record<string, unknown> =>
  Object.fromEntries(Object.entries(revenueGoal).filter(([key]) => key !== field));

const messagesOf = (input: unknown): string[] => {
  const result = checkSmart(input);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
};

describe('checkSmart', () => {
  it('accepts a complete goal and turns its dates into Dates', () => {
    const result = checkSmart(revenueGoal);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.goal.period.end).toEqual(new Date('2027-12-31T16:00:00Z'));
      expect(result.goal.target).toBe('5000000');
    }
  });

  it('defaults the direction to at least and the baseline to none', () => {
    const { metric, unit, target, period } = revenueGoal;
    const goal = smartGoalSchema.parse({ metric, unit, target, period });
    expect(goal.direction).toBe('at_least');
    expect(goal.baseline).toBeNull();
  });

  it('says the goal is not measurable when it has no numeric target', () => {
    expect(checkSmart(without('target'))).toEqual({
      ok: false,
      issues: [{ element: 'measurable', path: 'target', message: 'Measurable: the goal has no numeric target' }],
    });
    expect(messagesOf({ ...revenueGoal, target: 'a lot' })).toEqual(['Measurable: the target must be a number']);
  });

  it('says the goal is not time-bound when it has no deadline', () => {
    expect(checkSmart(without('period'))).toEqual({
      ok: false,
      issues: [{ element: 'time_bound', path: 'period', message: 'Time-bound: the goal has no deadline' }],
    });
    expect(messagesOf({ ...revenueGoal, period: { start: revenueGoal.period.start } })).toEqual(['Time-bound: the goal has no deadline']);
  });

  it('says the goal is not time-bound when the deadline is not after the start', () => {
    const period = { start: revenueGoal.period.end, end: revenueGoal.period.start };
    expect(checkSmart({ ...revenueGoal, period })).toEqual({
      ok: false,
      issues: [{ element: 'time_bound', path: 'period.end', message: 'Time-bound: the deadline must be after the start' }],
    });
  });

  it('says the goal is not specific without a metric, or a custom metric without a name', () => {
    expect(messagesOf(without('metric'))).toEqual(['Specific: the goal has no metric']);
    expect(messagesOf({ ...revenueGoal, metric: 'custom' })).toEqual(['Specific: a custom metric needs a name']);
    expect(messagesOf({ ...revenueGoal, metric: 'custom', customMetricName: '  ' })).toEqual(['Specific: a custom metric needs a name']);
    expect(messagesOf({ ...revenueGoal, customMetricName: 'demos' })).toEqual(["Specific: customMetricName is only for metric 'custom', not 'revenue'"]);
  });

  it('keeps percentages between 0 and 100', () => {
    const share = { ...revenueGoal, metric: 'market_share', unit: '%', baseline: 12, target: 120 };
    expect(checkSmart(share)).toEqual({
      ok: false,
      issues: [{ element: 'achievable', path: 'target', message: 'Achievable: a market share target must be between 0 and 100 %, got 120' }],
    });
    expect(messagesOf({ ...share, target: 15, baseline: -1 })).toEqual(['Measurable: a market share baseline must be between 0 and 100 %, got -1']);
    expect(messagesOf({ ...revenueGoal, metric: 'customer_satisfaction', unit: '%', baseline: 80, target: 101 })).toEqual([
      'Achievable: a customer satisfaction target must be between 0 and 100 %, got 101',
    ]);
    expect(checkSmart({ ...revenueGoal, metric: 'customer_satisfaction', unit: 'NPS points', baseline: -20, target: 30 }).ok).toBe(true);
  });

  it('refuses a negative target for counts and money', () => {
    expect(messagesOf({ ...revenueGoal, metric: 'new_customers', unit: 'customers', baseline: null, target: -5 })).toEqual([
      'Achievable: a new customers target cannot be negative, got -5',
    ]);
  });

  it('reports every problem at once, including cross-field ones', () => {
    const issues = checkSmart({ metric: 'call_connection_rate', unit: '%', target: 140 });
    expect(issues.ok ? [] : issues.issues.map((issue) => issue.element)).toEqual(['time_bound', 'achievable']);
  });

  it('refuses unknown fields without pinning them on a SMART element', () => {
    expect(checkSmart({ ...revenueGoal, owner: 'me' })).toEqual({
      ok: false,
      issues: [{ element: null, path: '', message: 'Unrecognized key: "owner"' }],
    });
  });

  it('says so when the input is not an object at all', () => {
    expect(checkSmart(null)).toMatchObject({ ok: false, issues: [{ element: null, path: '' }] });
  });
});

describe('goal metrics', () => {
  it('names the KPI metric of a custom goal by its custom name', () => {
    expect(goalKpiMetric({ metric: 'custom', customMetricName: 'demos' })).toBe('demos');
    expect(goalKpiMetric({ metric: 'revenue' })).toBe('revenue');
  });

  it('adds up money and counts, and takes rates at their latest value', () => {
    expect(metricAggregation('revenue')).toBe('sum');
    expect(metricAggregation('market_share')).toBe('latest');
  });
});
