import type { MilestoneMark, PlanActualPoint } from '../shared/PlanActualChart';
import type { Dashboard, GoalProgress } from '../../../api/contract/dashboard';

/**
 * A goal's plan-vs-actual line: zero at the start, the planned cumulative at each milestone, the
 * actual cumulative at each milestone already due, and the actual so far today — so a report
 * made now moves the line at once, not only when the next milestone falls due.
 */
export function goalChartData(goal: GoalProgress, milestones: Dashboard['milestones'], asOf: string): { points: PlanActualPoint[]; marks: MilestoneMark[] } {
  const start = Date.parse(goal.periodStart);
  const now = Date.parse(asOf);
  const points: PlanActualPoint[] = [{ t: start, planned: 0, actual: now >= start ? 0 : null }];
  // The chart draws numbers; the exact decimal text of the answer becomes one only here, for drawing.
  const drawn = (value: string | null) => (value === null ? null : Number(value));
  for (const point of goal.series) {
    points.push({ t: Date.parse(point.at), planned: Number(point.plannedCumulative), actual: drawn(point.actualCumulative) });
  }
  if (goal.actual !== null && now > start && now < Date.parse(goal.periodEnd)) {
    points.push({ t: now, planned: null, actual: Number(goal.actual) });
  }
  points.sort((a, b) => a.t - b.t);

  const statusById = new Map(milestones.map((m) => [m.milestoneId, m.status]));
  const marks = goal.series.map((point) => ({
    t: Date.parse(point.at),
    value: Number(point.plannedCumulative),
    name: point.name,
    status: statusById.get(point.milestoneId) ?? 'pending',
  }));
  return { points, marks };
}
