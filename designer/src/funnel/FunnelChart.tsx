import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartColours } from '../shared/chart-colours';
import { ChartLegend } from '../shared/ChartLegend';

export interface FunnelBar {
  stage: string;
  planned: number;
  actual: number;
}

export const funnelChartHeight = (bars: readonly FunnelBar[]) => 70 + bars.length * 44;

/** The stages top first, each with its plan so far beside what was reported so far. */
export function FunnelChart({ bars }: { bars: FunnelBar[] }) {
  const { t } = useTranslation('funnel');
  return (
    <figure className="chart" aria-label={t('chart.label')}>
      <ResponsiveContainer width="100%" height={funnelChartHeight(bars)}>
        <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#eef0f4" horizontal={false} />
          <XAxis type="number" fontSize={12} />
          <YAxis type="category" dataKey="stage" width={160} fontSize={12} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} content={({ payload }) => <ChartLegend payload={payload} />} />
          <Bar dataKey="planned" name={t('chart.planned')} fill={chartColours.planned} isAnimationActive={false} barSize={14} />
          <Bar dataKey="actual" name={t('chart.actual')} fill={chartColours.actual} isAnimationActive={false} barSize={14} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
