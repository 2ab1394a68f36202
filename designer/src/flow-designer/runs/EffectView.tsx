import { useTranslation } from 'react-i18next';
import type { SimulatedEffect } from '../../../../workflows/flow/simulation';
import { formatDateTime } from '../../shared/time';

/** What an entry would have done to the world, in full: the message as rendered, the task, the call. */
export function EffectView({ effect }: { effect: SimulatedEffect }) {
  const { t } = useTranslation('flowRuns');
  switch (effect.kind) {
    case 'message':
      return (
        <div className="effect effect--message">
          <div className="muted small">{t('effect.message', { channel: effect.channel, name: effect.to.name })}</div>
          <strong>{effect.subject}</strong>
          <p className="effect__text">{effect.text}</p>
        </div>
      );
    case 'request':
      return (
        <p className="effect">{t('effect.request', { name: effect.to.name, kind: effect.requestKind, due: formatDateTime(effect.dueAt) })}</p>
      );
    case 'decision':
      return (
        <p className="effect">
          {t('effect.decision', { name: effect.by.name, answer: effect.answer })}
          {effect.comment !== undefined && t('effect.comment', { comment: effect.comment })}
        </p>
      );
    case 'timeout':
      return <p className="effect">{t('effect.timeout', { name: effect.to.name })}</p>;
    case 'escalation':
      return <p className="effect">{effect.to === null ? t('effect.escalationNobody', { level: effect.level }) : t('effect.escalationTo', { level: effect.level, name: effect.to.name })}</p>;
    case 'status':
      return (
        <p className="effect">
          {t('effect.status', { status: effect.status })}
          {effect.reason !== null && t('effect.reason', { reason: effect.reason })}
        </p>
      );
    case 'task':
      return (
        <p className="effect">{t('effect.task', { title: effect.title, name: effect.assignee?.name ?? t('effect.nobody'), due: formatDateTime(effect.dueAt) })}</p>
      );
    case 'webhook':
      return (
        <div className="effect">
          <code>
            {effect.method} {effect.url}
          </code>
          {effect.body !== undefined && <pre className="effect__body">{effect.body}</pre>}
        </div>
      );
    case 'retrospective':
      return <p className="effect">{t('effect.retrospective')}</p>;
    case 'wait':
      return <p className="effect">{t('effect.wait', { until: formatDateTime(effect.until) })}</p>;
  }
}
