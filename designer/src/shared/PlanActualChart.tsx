import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColours } from './chart-colours';
import { formatAmount, formatCompact } from './format';
import { formatDateTime, timeTickFormatter } from './time';
import { ChartLegend } from './ChartLegend';

export interface PlanActualPoint {
  /** Milliseconds since the epoch. */
  t: number;
  planned: number | null;
  actual: number | null;
  /** Where the forecast runs: from what is reached now to the value at the due date (absent: no forecast). */
  forecast?: number | null;
  /** The forecast's range, low to high, at the same points. */
  range?: [number, number] | null;
}

export interface MilestoneMark {
  t: number;
  value: number;
  name: string;
  status: 'pending' | 'met' | 'missed';
}

/** The time axis spans the points; the plan line is dashed. */
const timeDomain = ['dataMin', 'dataMax'];
const dashed = '5 4';
const dotted = '2 3';

/** The milestone marks, one legend entry each: met, missed, still ahead. */
const markStatuses = ['met', 'missed', 'pending'] as const;

/**
 * Plan against actual as cumulative lines over time, milestones marked met (green), missed (red)
 * or still ahead (grey) on the planned line.
 */
export interface PlanActualChartProps {
  points: PlanActualPoint[];
  marks: MilestoneMark[];
  unit: string;
  label: string;
  height?: number;
}

export function PlanActualChart({ points, marks, unit, label, height = 240 }: PlanActualChartProps) {
  const { t } = useTranslation('shared');
  const value = (v: unknown) => (typeof v === 'number' ? formatAmount(v, unit) : '—');
  const times = points.map((p) => p.t);
  const forecasts = points.some((p) => p.forecast !== undefined && p.forecast !== null);
  const range = (v: unknown) => (Array.isArray(v) ? v.map((part) => value(part)).join(' – ') : value(v));
  const tick = timeTickFormatter(times.length === 0 ? 0 : Math.max(...times) - Math.min(...times));
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#eef0f4" />
          <XAxis dataKey="t" type="number" scale="time" domain={timeDomain} tickFormatter={tick} fontSize={12} />
          <YAxis tickFormatter={formatCompact} fontSize={12} width={56} />
          <Tooltip labelFormatter={(t) => (typeof t === 'number' ? formatDateTime(new Date(t).toISOString()) : '')} formatter={range} />
          <Legend wrapperStyle={{ fontSize: 12 }} content={({ payload }) => <ChartLegend payload={payload} />} />
          <Line type="linear" dataKey="planned" name={t('chart.planned')} stroke={chartColours.planned} strokeDasharray={dashed} dot={false} connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="actual" name={t('chart.actual')} stroke={chartColours.actual} strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          {forecasts && (
            <Area type="linear" dataKey="range" name={t('chart.range')} stroke="none" fill={chartColours.forecast} fillOpacity={0.15} connectNulls isAnimationActive={false} />
          )}
          {forecasts && (
            <Line type="linear" dataKey="forecast" name={t('chart.forecast')} stroke={chartColours.forecast} strokeWidth={2} strokeDasharray={dotted} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          )}
          {markStatuses.map((status) => {
            const data = marks.filter((mark) => mark.status === status);
            return data.length === 0 ? null : (
              <Scatter key={status} name={t(`chart.${status}`)} data={data} dataKey="value" fill={chartColours[status]} isAnimationActive={false} />
            );
          })}
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
