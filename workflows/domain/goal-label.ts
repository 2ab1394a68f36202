import type { SmartGoal } from './smart-goal';

/** 'Revenue', 'New customers', or the custom metric's own name. */
export const goalLabel = (goal: Pick<SmartGoal, 'metric' | 'customMetricName'>): string => {
  const name = goal.customMetricName ?? goal.metric.replaceAll('_', ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
};
