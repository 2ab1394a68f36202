import type { LegendPayload } from 'recharts';

/**
 * A chart's legend: a swatch and the series' name, in the page's language. Recharts' own legend
 * names each swatch "<series> legend icon" in English for screen readers; here the swatch is
 * decoration and the name is the text beside it.
 */
export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] | undefined }) {
  return (
    <ul className="chart-legend">
      {payload?.map((entry, index) => (
        <li key={index}>
          <span className="chart-legend__swatch" style={{ background: entry.color }} aria-hidden="true" />
          {String(entry.value ?? '')}
        </li>
      ))}
    </ul>
  );
}
