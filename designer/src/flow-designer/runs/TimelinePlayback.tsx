import { Pause, Play, RotateCcw, StepForward } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/time';
import type { TraceEdge } from '../../../../workflows/flow/run-trace';
import type { SimulationResult } from '../../../../workflows/flow/simulation';

import { EffectView } from './EffectView';
import { useOverlayApi } from './overlay-store';
import { playbackOverlay } from './run-overlay';
import { useStepLabels } from './use-step-labels';

/** Moments of a test run read in the project calendar's zone, as its timeline sentences are. */

/** How long each entry stays on screen while playing. */
const playEveryMs = 900;

/**
 * A test run's timeline, played on the graph: play, step, reset, or pick an entry. The current
 * entry's step is highlighted and the edges taken so far are lit, the same way as for real runs.
 */
export function TimelinePlayback({ result, edges }: { result: SimulationResult; edges: readonly TraceEdge[] }) {
  const { t } = useTranslation('flowRuns');
  const overlay = useOverlayApi();
  const label = useStepLabels();
  const [index, setIndex] = useState(-1);
  const [playing, setPlaying] = useState(false);
  const last = result.timeline.length - 1;

  useEffect(() => {
    if (index < 0) overlay.getState().clear();
    else overlay.getState().show(playbackOverlay(result.timeline, index, edges));
  }, [index, result, edges, overlay]);
  useEffect(() => () => overlay.getState().clear(), [overlay]);

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setIndex((i) => Math.min(i + 1, last)), index < 0 ? 0 : playEveryMs);
    return () => clearTimeout(timer);
  }, [playing, index, last]);

  const current = index >= 0 ? result.timeline[index] : undefined;
  /** A move by hand stops the playback first. */
  const pausedAt = (move: (index: number) => number) => () => {
    setPlaying(false);
    setIndex(move);
  };
  return (
    <div className="playback" data-testid="playback">
      <p className="small" data-testid="simulation-outcome">
        <span className={`run-status run-status--${result.status}`}>{t(`status.${result.status}`)}</span>
        {result.result !== null && t('playback.result', { result: result.result })} · {formatDateTime(result.startedAt, { timeZone: result.timeZone })} → {formatDateTime(result.endedAt, { timeZone: result.timeZone })}
        <span className="muted"> {t('playback.zone', { zone: result.timeZone })}</span>
      </p>
      {result.error !== null && <p className="error-text">{result.error}</p>}
      <div className="playback__controls">
        <button type="button" className="button" onClick={() => setPlaying((p) => !p)} disabled={last < 0} data-testid="playback-play">
          {playing ? <Pause size={15} aria-hidden="true" /> : <Play size={15} aria-hidden="true" />} {playing ? t('playback.pause') : t('playback.play')}
        </button>
        <button type="button" className="button" onClick={pausedAt((i) => Math.min(i + 1, last))} disabled={index >= last} data-testid="playback-step">
          <StepForward size={15} aria-hidden="true" /> {t('playback.step')}
        </button>
        <button type="button" className="button" onClick={pausedAt(() => -1)} disabled={index < 0} data-testid="playback-reset">
          <RotateCcw size={15} aria-hidden="true" /> {t('playback.reset')}
        </button>
        <span className="muted small">
          {t('playback.position', { index: index + 1, total: result.timeline.length })}
        </span>
      </div>
      {current !== undefined && (
        <div className="playback__current" data-testid="playback-current">
          <div className="muted small">
            {label(current.nodeId)} · {formatDateTime(current.at, { timeZone: result.timeZone })}
          </div>
          <p>{current.text}</p>
          {current.effect !== undefined && <EffectView effect={current.effect} />}
        </div>
      )}
      <ol className="timeline" data-testid="timeline">
        {result.timeline.map((entry, i) => (
          <li key={i}>
            <button
              type="button"
              className={`timeline__entry${i === index ? ' timeline__entry--current' : i < index ? ' timeline__entry--past' : ''}`}
              onClick={() => {
                setPlaying(false);
                setIndex(i);
              }}
              data-testid={`timeline-entry-${i}`}
              data-node={entry.nodeId}
            >
              <span className="muted small">{label(entry.nodeId)}</span>
              <span>{entry.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
