import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColours } from '../shared/chart-colours';
import { formatDateTime, timeTickFormatter } from '../shared/time';
import type { EscalationBar, StripBar } from './retrospective-charts';
import { ChartLegend } from '../shared/ChartLegend';

/** Chart settings (recharts' own words, not a person's). */
const dashed = '4 4';
const dataRange: [string, string] = ['dataMin', 'dataMax'];

/** Milestones in due order, each bar its attainment at due time, coloured met / missed / not checked. */
export function MilestoneStripChart({ bars }: { bars: StripBar[] }) {
  const { t } = useTranslation('retrospective');
  return (
    <figure className="chart" aria-label={t('charts.milestonesLabel')}>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={bars} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#eef0f4" vertical={false} />
          <XAxis dataKey="name" fontSize={11} interval={0} tick={{ fontSize: 11 }} />
          <YAxis unit=" %" fontSize={12} width={56} />
          <ReferenceLine y={100} stroke={chartColours.planned} strokeDasharray={dashed} label={{ value: t('charts.target'), fontSize: 11, position: 'insideTopRight' }} />
          <Tooltip
            formatter={(value) => [t('charts.pctOfTarget', { pct: String(value) }), t('charts.atDueTime')]}
            labelFormatter={(_, payload) => {
              const bar = payload[0]?.payload as StripBar | undefined;
              if (!bar) return '';
              const values = { name: bar.name, due: formatDateTime(bar.dueAt), status: t(`charts.${bar.status}`), owner: bar.owner, days: bar.daysLate };
              return bar.daysLate > 0 ? t('charts.barLabelLate', values) : t('charts.barLabel', values);
            }}
          />
          <Bar dataKey="pct" name={t('charts.attainmentAtDue')} isAnimationActive={false} maxBarSize={56}>
            {bars.map((bar) => (
              <Cell key={`${bar.name}:${bar.dueAt}`} fill={chartColours[bar.status]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="legend-row small">
        <span className="swatch" style={{ background: chartColours.met }} /> {t('charts.met')} <span className="swatch" style={{ background: chartColours.missed }} /> {t('charts.missed')}{' '}
        <span className="swatch" style={{ background: chartColours.pending }} /> {t('charts.pending')}
      </figcaption>
    </figure>
  );
}

/** Escalations as bars from raised to acknowledged, one row each, the level in the label. */
export function EscalationTimelineChart({ bars }: { bars: EscalationBar[] }) {
  const { t } = useTranslation('retrospective');
  const height = 60 + bars.length * 34;
  const tick = timeTickFormatter(bars.length === 0 ? 0 : Math.max(...bars.map((b) => b.span[1])) - Math.min(...bars.map((b) => b.span[0])));
  return (
    <figure className="chart" aria-label={t('charts.escalationLabel')}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#eef0f4" horizontal={false} />
          <XAxis type="number" domain={dataRange} scale="time" tickFormatter={tick} fontSize={12} />
          <YAxis type="category" dataKey="label" width={260} fontSize={11} />
          <Tooltip
            formatter={(value, _name, item) => {
              const bar = item.payload as EscalationBar;
              const span = Array.isArray(value) ? value : [];
              const from = typeof span[0] === 'number' ? formatDateTime(new Date(span[0]).toISOString()) : '';
              return [bar.acknowledged ? t('charts.ackedAfter', { from, hours: bar.hoursToAck ?? 0 }) : t('charts.neverAcked', { from }), t('charts.level', { level: bar.level })];
            }}
          />
          <Bar dataKey="span" isAnimationActive={false} barSize={16}>
            {bars.map((bar) => (
              <Cell key={bar.label} fill={bar.acknowledged ? chartColours.met : chartColours.missed} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption className="legend-row small">
        <span className="swatch" style={{ background: chartColours.met }} /> {t('charts.acknowledged')} <span className="swatch" style={{ background: chartColours.missed }} /> {t('charts.notAcknowledged')}
      </figcaption>
    </figure>
  );
}

/** Planned against spent per budget category. */
export function BudgetChart({ lines }: { lines: { category: string; planned: number; spent: number }[] }) {
  const { t } = useTranslation('retrospective');
  return (
    <figure className="chart" aria-label={t('charts.budgetLabel')}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={lines} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#eef0f4" vertical={false} />
          <XAxis dataKey="category" fontSize={12} />
          <YAxis fontSize={12} width={56} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} content={({ payload }) => <ChartLegend payload={payload} />} />
          <Bar dataKey="planned" name={t('charts.planned')} fill={chartColours.planned} isAnimationActive={false} maxBarSize={48} />
          <Bar dataKey="spent" name={t('charts.spent')} fill={chartColours.actual} isAnimationActive={false} maxBarSize={48} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
