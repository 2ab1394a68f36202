import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';

/** Who reported most, in order: rank, name and total, as the dashboard and the closing review show it. */
export function RankingTable({ rows }: { rows: readonly { id: string; rank: number; name: string; total: number | string }[] }) {
  const { t } = useTranslation('shared');
  return (
    <table className="table table--compact">
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className="rank">{t('ranking.rank', { rank: row.rank })}</td>
            <td>{row.name}</td>
            <td className="num">{formatNumber(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
