import type { TFunction } from 'i18next';
import { i18next } from '../i18n/i18n';
import { goalMetrics, type GoalMetric } from '../../../workflows/domain/smart-goal';
import type { Goal } from '../../../api/contract/goals';

/** A metric as people read it: "Revenue", "销售额"; `custom` reads "Custom metric…" (the picker's choice). */
export const metricLabel = (t: TFunction<'plan'>, metric: GoalMetric): string => t(`metrics.${metric}`);

/** What a goal measures, as people read it: its custom name, or its metric's words. */
export const goalLabel = (t: TFunction<'plan'>, goal: Pick<Goal, 'metric' | 'customMetricName' | 'kpiMetric'>): string =>
  goal.metric === 'custom' ? (goal.customMetricName ?? goal.kpiMetric) : metricLabel(t, goal.metric);

/** A goal as the API's progress figures name it: its metric's words in the page's language, or its custom name (the server's `label`). */
export const progressGoalLabel = (goal: { metric: GoalMetric; label: string }): string => (goal.metric === 'custom' ? goal.label : i18next.t(`plan:metrics.${goal.metric}`));

/** What people usually measure each metric in, in the page's language; only a suggestion for an empty unit field. */
export const suggestedUnit = (t: TFunction<'plan'>, metric: GoalMetric): string => t(`suggestedUnits.${metric}`);

/** Whether a KPI metric key is one of the goal metrics the catalog has words for. */
export const isGoalMetric = (key: string): key is GoalMetric => (goalMetrics as readonly string[]).includes(key);

/** A KPI metric key as people read it: a goal metric's words in the page's language, any other key (a custom metric's name) as it is. */
export const kpiMetricLabel = (key: string): string => (isGoalMetric(key) && key !== 'custom' ? i18next.t(`plan:metrics.${key}`) : key);
