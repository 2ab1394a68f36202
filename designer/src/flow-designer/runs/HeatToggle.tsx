import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useOverlayApi } from './overlay-store';
import { heatOverlay } from './run-overlay';
import { runsApi } from './runs-api';

/** The heat view's switch and how many runs it counts. */
export function HeatToggle({ flowId, version, on, onChange }: { flowId: string; version: number; on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation('flowRuns');
  const overlay = useOverlayApi();
  const [last, setLast] = useState(50);
  const query = useQuery({ queryKey: ['heat', flowId, version, last], queryFn: () => runsApi.heat(flowId, version, last), enabled: on });
  const heat = query.data;
  useEffect(() => {
    if (!on || heat === undefined) return;
    overlay.getState().show(heatOverlay(heat, t));
    return () => overlay.getState().clear();
  }, [on, heat, overlay, t]);
  const status = query.isFetching
    ? t('heat.counting')
    : query.isError
      ? errorMessage(query.error)
      : heat === undefined
        ? null
        : heat.runs === 0
          ? t('heat.none')
          : t('heat.over', { count: heat.runs });
  return (
    <div className="heat-toggle">
      <label className="field--inline">
        <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} data-testid="heat-toggle" />
        <span>{t('heat.before')}</span>
        <input type="number" className="heat-toggle__last" min={1} max={500} value={last} onChange={(e) => setLast(Math.min(500, Math.max(1, Number(e.target.value) || 1)))} aria-label={t('heat.howMany')} />
        <span>{t('heat.after')}</span>
      </label>
      {on && status !== null && (
        <p className="muted small" data-testid="heat-status">
          {status}
        </p>
      )}
    </div>
  );
}
