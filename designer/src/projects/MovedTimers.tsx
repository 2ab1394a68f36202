import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../shared/time';
import type { CheckMove } from '../../../api/contract/lifecycle';

/** A change request's preview: each timer it moves, from when to when. */
export function MovedTimers({ moves }: { moves: CheckMove[] }) {
  const { t } = useTranslation('projects');
  if (moves.length === 0) return <p className="muted">{t('timers.none')}</p>;
  return (
    <table className="table table--compact" data-testid="moved-timers">
      <thead>
        <tr>
          <th scope="col">{t('timers.timer')}</th>
          <th scope="col">{t('timers.now')}</th>
          <th scope="col">{t('timers.then')}</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((move) => (
          <tr key={`${move.milestoneId ?? 'project'}:${move.kind}`} data-testid="moved-timer">
            <td>
              {t(`timers.${move.kind}`)}
              {move.milestoneName && <> · {move.milestoneName}</>}
            </td>
            <td>{move.from ? formatDateTime(move.from) : '—'}</td>
            <td>{move.to ? formatDateTime(move.to) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
