import { lazy, Suspense, type ComponentProps } from 'react';

// The chart library is most of the page's weight: it loads when the first chart is drawn, so the
// project list (and the flow designer) start without it.
const PlanActualChartNow = lazy(() => import('./PlanActualChart').then((m) => ({ default: m.PlanActualChart })));
const retrospectiveCharts = () => import('../retrospective/RetrospectiveCharts');
const MilestoneStripChartNow = lazy(() => retrospectiveCharts().then((m) => ({ default: m.MilestoneStripChart })));
const EscalationTimelineChartNow = lazy(() => retrospectiveCharts().then((m) => ({ default: m.EscalationTimelineChart })));
const BudgetChartNow = lazy(() => retrospectiveCharts().then((m) => ({ default: m.BudgetChart })));

function Placeholder({ height }: { height: number }) {
  return <div className="chart-placeholder" style={{ height }} aria-hidden="true" />;
}

export function PlanActualChart(props: ComponentProps<typeof PlanActualChartNow>) {
  return (
    <Suspense fallback={<Placeholder height={props.height ?? 240} />}>
      <PlanActualChartNow {...props} />
    </Suspense>
  );
}

export function MilestoneStripChart(props: ComponentProps<typeof MilestoneStripChartNow>) {
  return (
    <Suspense fallback={<Placeholder height={240} />}>
      <MilestoneStripChartNow {...props} />
    </Suspense>
  );
}

export function EscalationTimelineChart(props: ComponentProps<typeof EscalationTimelineChartNow>) {
  return (
    <Suspense fallback={<Placeholder height={60 + props.bars.length * 34} />}>
      <EscalationTimelineChartNow {...props} />
    </Suspense>
  );
}

export function BudgetChart(props: ComponentProps<typeof BudgetChartNow>) {
  return (
    <Suspense fallback={<Placeholder height={200} />}>
      <BudgetChartNow {...props} />
    </Suspense>
  );
}
