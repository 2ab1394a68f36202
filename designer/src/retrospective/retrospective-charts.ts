import type { MilestoneMark, PlanActualPoint } from '../shared/PlanActualChart';
import type { RetrospectiveReport } from '../../../api/contract/retrospectives';
import { Dec, percentOf } from '../../../workflows/domain/decimal';

/** Exact decimal text as a position on a chart: a pixel needs no more than a number's precision. */
const plotted = (amount: string): number => Number(amount);

export interface MetricSeries {
  metric: string;
  points: PlanActualPoint[];
  marks: MilestoneMark[];
}

/** The report's plan-vs-actual points as one line pair per metric, starting from zero at the period start. */
export function seriesByMetric(report: RetrospectiveReport, periodStart: string): MetricSeries[] {
  const statusAt = new Map(report.milestones.map((m) => [m.dueAt, m]));
  const groups = new Map<string, RetrospectiveReport['series']>();
  for (const point of report.series) groups.set(point.metric, [...(groups.get(point.metric) ?? []), point]);
  return [...groups].map(([metric, series]) => {
    const sorted = [...series].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return {
      metric,
      points: [{ t: Date.parse(periodStart), planned: 0, actual: 0 }, ...sorted.map((p) => ({ t: Date.parse(p.at), planned: plotted(p.planned), actual: p.actual === null ? null : plotted(p.actual) }))],
      marks: sorted.map((p) => {
        const milestone = statusAt.get(p.at);
        return { t: Date.parse(p.at), value: plotted(p.planned), name: milestone?.name ?? p.at, status: milestone?.status ?? 'pending' };
      }),
    };
  });
}

export interface StripBar {
  name: string;
  dueAt: string;
  /** Actual as % of target at the due time; 0 when nothing was checked. */
  pct: number;
  status: 'pending' | 'met' | 'missed';
  daysLate: number;
  owner: string;
}

export function milestoneStrip(report: RetrospectiveReport): StripBar[] {
  return [...report.milestones]
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
    .map((m) => ({
      name: m.name,
      dueAt: m.dueAt,
      pct: m.actual === null || new Dec(m.target).isZero() ? 0 : Math.round(percentOf(m.actual, m.target) * 10) / 10,
      status: m.status,
      daysLate: m.daysLate,
      owner: m.owner,
    }));
}

export interface EscalationBar {
  label: string;
  level: number;
  /** [raised, acknowledged or still open at compile time], in ms. */
  span: [number, number];
  acknowledged: boolean;
  hoursToAck: number | null;
}

/** Each escalation as a bar from when it was raised to when it was acknowledged (or the report was compiled). */
export function escalationBars(report: RetrospectiveReport): EscalationBar[] {
  const end = Date.parse(report.compiledAt);
  return [...report.escalations.items]
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((e, index) => {
      const start = Date.parse(e.createdAt);
      const stop = e.acknowledgedAt ? Date.parse(e.acknowledgedAt) : Math.max(end, start);
      return {
        label: `${index + 1}. L${e.level} ${e.recipient} — ${e.milestone}`,
        level: e.level,
        // A bar acknowledged within the same second would not show; give it a sliver.
        span: [start, Math.max(stop, start + 60_000)],
        acknowledged: e.acknowledgedAt !== null,
        hoursToAck: e.hoursToAck,
      };
    });
}

/** Planned against spent per budget category, as bar heights. */
export function budgetBars(report: RetrospectiveReport): { category: string; planned: number; spent: number }[] {
  return report.budget.map((b) => ({ category: b.category, planned: plotted(b.planned), spent: plotted(b.spent) }));
}
