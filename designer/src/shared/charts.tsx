import { lazy, Suspense, type ComponentType } from 'react';

// The chart library is most of the page's weight: it loads when the first chart is drawn, so the
// project list (and the flow designer) start without it.
const retrospectiveCharts = () => import('../retrospective/RetrospectiveCharts');

function Placeholder({ height }: { height: number }) {
  return <div className="chart-placeholder" style={{ height }} aria-hidden="true" />;
}

/** A chart that loads with the chart library; until then an empty box of about its height keeps the page from jumping. */
function loadedLater<P extends object>(load: () => Promise<ComponentType<P>>, heightOf: (props: P) => number) {
  const Chart = lazy(() => load().then((component) => ({ default: component })));
  return function LoadedLater(props: P) {
    return (
      <Suspense fallback={<Placeholder height={heightOf(props)} />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export const PlanActualChart = loadedLater(
  () => import('./PlanActualChart').then((m) => m.PlanActualChart),
  (props) => props.height ?? 240,
);
export const MilestoneStripChart = loadedLater(
  () => retrospectiveCharts().then((m) => m.MilestoneStripChart),
  () => 240,
);
export const EscalationTimelineChart = loadedLater(
  () => retrospectiveCharts().then((m) => m.EscalationTimelineChart),
  (props) => 60 + props.bars.length * 34,
);
export const BudgetChart = loadedLater(
  () => retrospectiveCharts().then((m) => m.BudgetChart),
  () => 200,
);
export const FunnelChart = loadedLater(
  () => import('../funnel/FunnelChart').then((m) => m.FunnelChart),
  (props) => 70 + props.bars.length * 44,
);
