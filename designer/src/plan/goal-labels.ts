import type { GoalDirection, GoalMetric } from '../../../workflows/domain/smart-goal';

export const metricLabels: Readonly<Record<GoalMetric, string>> = {
  revenue: 'Revenue',
  new_customers: 'New customers',
  market_share: 'Market share',
  customer_satisfaction: 'Customer satisfaction',
  repurchase_rate: 'Repurchase rate',
  call_connection_rate: 'Call connection rate',
  custom: 'Custom metric…',
};

/** What people usually measure each metric in; only a suggestion for an empty unit field. */
export const suggestedUnits: Readonly<Record<GoalMetric, string>> = {
  revenue: 'CNY',
  new_customers: 'customers',
  market_share: '%',
  customer_satisfaction: 'points',
  repurchase_rate: '%',
  call_connection_rate: '%',
  custom: '',
};

export const directionLabels: Readonly<Record<GoalDirection, string>> = {
  at_least: 'At least the target (more is better)',
  at_most: 'At most the target (less is better)',
};
