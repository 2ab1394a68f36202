import { i18next } from '../i18n/i18n';
import { kpiMetricLabel } from '../plan/goal-labels';
import { trainingDimensionKey } from '../../../workflows/domain/sales-plan/training-and-scorecard';

/** A scorecard dimension as people read it: training completion, or its KPI metric's words. */
export const dimensionLabel = (key: string): string => (key === trainingDimensionKey ? i18next.t('scorecard:training') : kpiMetricLabel(key));
