import { exactJsonNumber } from '../domain/decimal';
import type { Forecast } from '../domain/sales-plan/forecast';
import type { ForecastSubjectKind } from '../domain/sales-plan/forecast-subjects';

/** A forecast that fell below a threshold, and whose it is: what a raiser knows when it happens. */
export interface ForecastFall {
  subjectKind: ForecastSubjectKind;
  subjectId: string;
  subject: string;
  metric: string;
  owner: { id: string; name: string };
  dueAt: string;
  forecast: Forecast;
  threshold: number;
  reportedBy: { name: string };
  reportedAt: string;
}

const amount = (value: string | null) => (value === null ? null : exactJsonNumber(value));

/**
 * The `forecast` variables of a run started by forecast_below_threshold (see context-variables.ts),
 * written once for the API that raises it and the test run that plays it.
 */
export function forecastVariables(fall: ForecastFall): Record<string, unknown> {
  const { forecast } = fall;
  return {
    subjectKind: fall.subjectKind,
    subjectId: fall.subjectId,
    subject: fall.subject,
    metric: fall.metric,
    owner: fall.owner,
    dueAt: fall.dueAt,
    value: amount(forecast.value),
    low: amount(forecast.low),
    high: amount(forecast.high),
    percentOfPlan: forecast.percentOfPlan,
    threshold: fall.threshold,
    plannedAtDue: exactJsonNumber(forecast.inputs.plannedAtDue),
    plannedByNow: exactJsonNumber(forecast.inputs.plannedByNow),
    actualByNow: exactJsonNumber(forecast.inputs.actualByNow),
    pace: forecast.inputs.pace === null ? null : Number(forecast.inputs.pace),
    method: forecast.method,
    reportedBy: fall.reportedBy,
    reportedAt: fall.reportedAt,
  };
}
