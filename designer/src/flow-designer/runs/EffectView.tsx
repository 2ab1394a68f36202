import type { SimulatedEffect } from '../../../../workflows/flow/simulation';
import { formatDateTime } from '../../shared/time';

/** What an entry would have done to the world, in full: the message as rendered, the task, the call. */
export function EffectView({ effect }: { effect: SimulatedEffect }) {
  switch (effect.kind) {
    case 'message':
      return (
        <div className="effect effect--message">
          <div className="muted small">
            {effect.channel} to {effect.to.name}
          </div>
          <strong>{effect.subject}</strong>
          <p className="effect__text">{effect.text}</p>
        </div>
      );
    case 'request':
      return (
        <p className="effect">
          Asks {effect.to.name} to {effect.requestKind === 'approval' ? 'approve' : 'acknowledge'}, due {formatDateTime(effect.dueAt)}
        </p>
      );
    case 'decision':
      return (
        <p className="effect">
          {effect.by.name}: {effect.answer}
          {effect.comment !== undefined && ` — “${effect.comment}”`}
        </p>
      );
    case 'timeout':
      return <p className="effect">{effect.to.name} did not answer in time</p>;
    case 'escalation':
      return <p className="effect">Escalation level {effect.level}{effect.to === null ? ': nobody higher up' : ` to ${effect.to.name}`}</p>;
    case 'status':
      return (
        <p className="effect">
          Project status set to {effect.status}
          {effect.reason !== null && ` (${effect.reason})`}
        </p>
      );
    case 'task':
      return (
        <p className="effect">
          Task “{effect.title}” for {effect.assignee?.name ?? 'nobody'}, due {formatDateTime(effect.dueAt)}
        </p>
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
      return <p className="effect">The closing review starts</p>;
    case 'wait':
      return <p className="effect">Waits until {formatDateTime(effect.until)}</p>;
  }
}
