import { useTranslation } from 'react-i18next';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { formatNumber } from '../shared/format';
import type { RetrospectiveReport } from '../../../api/contract/retrospectives';

/** The closing review's incentives: each approved payout once, and their total (reports compiled before incentives existed have none). */
export function ReviewIncentives({ report }: { report: RetrospectiveReport }) {
  const { t } = useTranslation('incentives');
  const incentives = report.incentives;
  if (!incentives || incentives.payouts.length === 0) return null;
  return (
    <Card title={t('review.title')} testId="review-incentives">
      <table className="table table--compact">
        <TableHead columns={[t('team.member'), { label: t('review.amount'), num: true }]} />
        <tbody>
          {incentives.payouts.map((payout) => (
            <tr key={payout.payoutId}>
              <td>{payout.name}</td>
              <td className="num">{formatNumber(payout.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('team.total')}</th>
            <td className="num">{formatNumber(incentives.approvedTotal)}</td>
          </tr>
        </tfoot>
      </table>
    </Card>
  );
}
