import { formatDateTime } from '../shared/time';
import type { CheckMove } from '../../../api/contract/lifecycle';

const moveLabels: Record<CheckMove['kind'], string> = {
  warning: 'At-risk check',
  due: 'Met/missed check',
  review: 'Next status summary',
  monitoring_end: 'End of monitoring',
};

/** A change request's preview: each timer it moves, from when to when. */
export function MovedTimers({ moves }: { moves: CheckMove[] }) {
  if (moves.length === 0) return <p className="muted">No timer moves.</p>;
  return (
    <table className="table table--compact" data-testid="moved-timers">
      <thead>
        <tr>
          <th scope="col">Timer</th>
          <th scope="col">Now</th>
          <th scope="col">Then</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((move) => (
          <tr key={`${move.milestoneId ?? 'project'}:${move.kind}`} data-testid="moved-timer">
            <td>
              {moveLabels[move.kind]}
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
