import type { TFunction } from 'i18next';
import type { GoalMetric } from '../../../workflows/domain/smart-goal';
import type { Goal } from '../../../api/contract/goals';

/** A metric as people read it: "Revenue", "销售额"; `custom` reads "Custom metric…" (the picker's choice). */
export const metricLabel = (t: TFunction<'plan'>, metric: GoalMetric): string => t(`metrics.${metric}`);

/** What a goal measures, as people read it: its custom name, or its metric's words. */
export const goalLabel = (t: TFunction<'plan'>, goal: Pick<Goal, 'metric' | 'customMetricName' | 'kpiMetric'>): string =>
  goal.metric === 'custom' ? (goal.customMetricName ?? goal.kpiMetric) : metricLabel(t, goal.metric);

/** What people usually measure each metric in, in the page's language; only a suggestion for an empty unit field. */
export const suggestedUnit = (t: TFunction<'plan'>, metric: GoalMetric): string => t(`suggestedUnits.${metric}`);
