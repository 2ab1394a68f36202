import type { Db } from '../db/connect';
import type { SalesProject } from '../db/schema';
import type { AppDeps } from './deps';
import { raiseForecastWarnings, watchForecasts, type ForecastWarning } from './forecast-crossing';
import { raiseEarnedPayouts, recordEarnedPayouts, type EarnedPayout } from './incentives/payouts';
import { raiseKpiCrossing, recordWatchingKpi, type KpiCrossing } from './kpi-crossing';

/**
 * What recorded KPI reports (one, or a whole import) set off: a crossing of the KPI-threshold
 * flow's threshold, forecasts falling below theirs, and incentive payouts earned. Decided inside
 * the reports' transaction, started on the engine once it has committed (`raiseReportEffects`).
 */
export interface KpiReportEffects<T> {
  recorded: T;
  crossing: KpiCrossing | null;
  warnings: ForecastWarning[];
  earned: EarnedPayout[];
  /** The report the raised flows name (the first of an import). */
  reportId: string | null;
}

/** Records reports through `record` (in the caller's transaction) and works out what they set off. */
export async function recordKpiReports<T>(
  trx: Db,
  project: SalesProject,
  reporter: { userId: string },
  metrics: readonly string[],
  record: () => Promise<T>,
  firstReportId: (recorded: T) => string | null,
): Promise<KpiReportEffects<T>> {
  const { recorded, crossing } = await recordWatchingKpi(trx, project, reporter, record);
  const reportId = firstReportId(recorded);
  const warnings = await watchForecasts(trx, project, reporter, metrics, reportId);
  const earned = await recordEarnedPayouts(trx, project, new Date());
  return { recorded, crossing, warnings, earned, reportId };
}

/** Starts on the engine the flows that committed reports set off. */
export async function raiseReportEffects(temporal: AppDeps['temporal'], effects: KpiReportEffects<unknown>): Promise<void> {
  if (effects.crossing && effects.reportId) await raiseKpiCrossing(temporal, effects.crossing, effects.reportId);
  await raiseForecastWarnings(temporal, effects.warnings);
  await raiseEarnedPayouts(temporal, effects.earned);
}
