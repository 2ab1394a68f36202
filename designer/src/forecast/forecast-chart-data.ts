import type { PlanActualPoint } from '../shared/PlanActualChart';
import type { SubjectForecast } from '../../../api/contract/forecasts';

/**
 * The forecast drawn on a plan-vs-actual chart: a line from what is reached now to the value
 * expected at the due date, and its range around it. Nothing once the due date is past.
 */
export function withForecast(points: readonly PlanActualPoint[], forecast: SubjectForecast['forecast']): PlanActualPoint[] {
  const { value, low, high, inputs } = forecast;
  const now = Date.parse(inputs.asOf);
  const due = Date.parse(inputs.due);
  if (value === null || low === null || high === null || now >= due) return [...points];
  // The chart draws numbers; the exact decimal text becomes one only here, for drawing.
  const reached = Number(inputs.actualByNow);
  const drawn: PlanActualPoint[] = [
    ...points,
    { t: now, planned: null, actual: null, forecast: reached, range: [reached, reached] },
    { t: due, planned: null, actual: null, forecast: Number(value), range: [Number(low), Number(high)] },
  ];
  return drawn.sort((a, b) => a.t - b.t);
}

/** A goal's, allocation's or milestone's own chart: its plan, what is reached by now, and the forecast. */
export function subjectChartData(subject: SubjectForecast): PlanActualPoint[] {
  const start = Date.parse(subject.start);
  const now = Date.parse(subject.forecast.inputs.asOf);
  const points: PlanActualPoint[] = [{ t: start, planned: 0, actual: now >= start ? 0 : null }];
  for (const point of subject.plan) points.push({ t: Date.parse(point.at), planned: Number(point.cumulative), actual: null });
  if (now > start) points.push({ t: Math.min(now, Date.parse(subject.due)), planned: null, actual: Number(subject.forecast.inputs.actualByNow) });
  return withForecast(points, subject.forecast);
}
