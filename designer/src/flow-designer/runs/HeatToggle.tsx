import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useOverlayApi } from './overlay-store';
import { heatOverlay } from './run-overlay';
import { runsApi } from './runs-api';

/** The heat view's switch and how many runs it counts. */
export function HeatToggle({ flowId, version, on, onChange }: { flowId: string; version: number; on: boolean; onChange: (on: boolean) => void }) {
  const overlay = useOverlayApi();
  const [last, setLast] = useState(50);
  const query = useQuery({ queryKey: ['heat', flowId, version, last], queryFn: () => runsApi.heat(flowId, version, last), enabled: on });
  const heat = query.data;
  useEffect(() => {
    if (!on || heat === undefined) return;
    overlay.getState().show(heatOverlay(heat));
    return () => overlay.getState().clear();
  }, [on, heat, overlay]);
  const status = query.isFetching
    ? 'Counting…'
    : query.isError
      ? errorMessage(query.error)
      : heat === undefined
        ? null
        : heat.runs === 0
          ? 'No finished runs with a recorded path yet.'
          : `Over the last ${heat.runs} finished run${heat.runs === 1 ? '' : 's'}.`;
  return (
    <div className="heat-toggle">
      <label className="field--inline">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid="heat-toggle" />
        <span>Heat view over the last</span>
        <input type="number" className="heat-toggle__last" min={1} max={500} value={last} onChange={(e) => setLast(Math.min(500, Math.max(1, Number(e.target.value) || 1)))} aria-label="How many runs" />
        <span>runs</span>
      </label>
      {on && status !== null && (
        <p className="muted small" data-testid="heat-status">
          {status}
        </p>
      )}
    </div>
  );
}
