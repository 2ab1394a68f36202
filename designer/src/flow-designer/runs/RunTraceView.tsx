import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../../workflows/flow/run-trace';
import { formatDateTime } from '../../shared/time';
import { usePortLabels, useStepLabels } from './use-step-labels';
import { decisionLine, localMoment } from './run-overlay';
import type { FlowRunTrace } from '../../../../api/contract/flow-runs';

/** One run in words, beside the graph that shows it: where it waits, the steps it took, who decided what. */
export function RunTraceView({ trace }: { trace: FlowRunTrace }) {
  const { t } = useTranslation('flowRuns');
  const label = useStepLabels();
  const portLabel = usePortLabels();
  return (
    <div className="run-trace" data-testid="run-trace">
      <h3>
        {trace.project.name}
        {trace.subjectName !== null && <span className="muted"> · {trace.subjectName}</span>}
      </h3>
      <p className="muted small">
        <span className={`run-status run-status--${trace.status}`} data-testid="run-trace-status">
          {t(`status.${trace.status}`)}
        </span>{' '}
        {trace.endedAt === null ? t('trace.started', { started: formatDateTime(trace.startedAt) }) : t('trace.startedEnded', { started: formatDateTime(trace.startedAt), ended: formatDateTime(trace.endedAt) })}
        {trace.result !== null && t('trace.result', { result: trace.result })}
      </p>
      <p className="muted small">
        {t(`trace.source.${trace.pathSource}`)}
        {trace.unavailable !== null && trace.pathSource === 'none' && ` (${trace.unavailable})`}
      </p>
      {trace.waitingFor.length > 0 && (
        <ul className="run-waiting" data-testid="run-waiting">
          {trace.waitingFor.map((w) => (
            <li key={w.requestId}>
              <strong>{label(w.nodeId)}</strong> {t('trace.waits', { name: w.person.name, until: localMoment(w.until) })}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('trace.steps')}</h4>
      <ol className="run-steps" data-testid="run-steps">
        {trace.path.map((step, index) => (
          <li key={index}>
            <strong>{label(step.nodeId)}</strong>{' '}
            <span className="muted small">
              {step.note ?? (
                <>
                  {localMoment(step.at)}
                  {step.durationMs !== null && step.durationMs >= 1000 && ` · ${formatDuration(step.durationMs)}`}
                  {step.port !== null && ` · ${step.port.split(',').map((port) => portLabel(step.nodeId, port)).join(', ')}`}
                </>
              )}
            </span>
          </li>
        ))}
        {trace.currentNodes.map((nodeId) => (
          <li key={`now-${nodeId}`} className="run-steps__now">
            <strong>{label(nodeId)}</strong> <span className="muted small">{t('trace.now')}</span>
          </li>
        ))}
      </ol>
      {trace.decisions.length > 0 && (
        <>
          <h4>{t('trace.decisions')}</h4>
          <ul className="run-decisions" data-testid="run-decisions">
            {trace.decisions.map((d) => (
              <li key={d.requestId}>
                <strong>{label(d.nodeId)}</strong> <span className="small">{decisionLine(d, localMoment, t)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
