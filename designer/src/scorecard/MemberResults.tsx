import { useTranslation } from 'react-i18next';
import type { RetrospectiveReport } from '../../../workflows/domain/retrospective-report';
import { RankingTable } from '../shared/RankingTable';
import { TableHead } from '../shared/TableHead';
import { formatNumber } from '../shared/format';
import { dimensionLabel } from './dimension-label';

/**
 * The closing review's members: with a scorecard, ranked by the score with each dimension; each
 * member's training next to their results. A report compiled before scorecards and training
 * existed shows the ranking by total, as it did.
 */
export function MemberResults({ members }: { members: RetrospectiveReport['members'] }) {
  const { t } = useTranslation(['scorecard', 'shared']);
  if (!members.some((m) => m.training !== undefined)) return <RankingTable rows={members.map((m) => ({ ...m, id: m.userId }))} />;
  const scored = members.some((m) => m.score !== null && m.score !== undefined);
  return (
    <table className="table table--compact" data-testid="review-members">
      <TableHead columns={[t('rank'), t('member'), { label: t('totalColumn'), num: true }, scored && { label: t('score'), num: true }, t('trainingColumn')]} />
      <tbody>
        {members.map((m) => (
          <tr key={m.userId}>
            <td className="rank">{t('shared:ranking.rank', { rank: m.rank })}</td>
            <td>
              {m.name}
              {m.dimensions && <div className="small muted">{m.dimensions.map((d) => t('points', { dimension: dimensionLabel(d.key), points: d.points })).join(' · ')}</div>}
            </td>
            <td className="num">{formatNumber(m.total)}</td>
            {scored && (
              <td className="num">
                <strong>{m.score}</strong>
              </td>
            )}
            <td className="small">
              {m.training && m.training.assigned > 0
                ? t('trainingDone', { completed: m.training.completed, assigned: m.training.assigned, attended: m.training.attended }) +
                  (m.training.averageScore === null ? '' : ` · ${t('trainingScore', { score: m.training.averageScore })}`)
                : t('noTraining')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
