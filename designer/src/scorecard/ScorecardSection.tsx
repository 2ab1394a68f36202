import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Scorecard, ScorecardRanking } from '../../../api/contract/scorecard';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session-store';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { formatPct } from '../shared/format';
import { dimensionLabel } from './dimension-label';
import { isNotFound, requestJson, requestVoid } from '../shared/request';

const scorecardKey = (projectId: string) => ['scorecard', projectId];

type Row = { key: string; weightPct: string; capPct: string };

const problemText = (error: unknown): string =>
  error instanceof ApiError && error.details.length > 0 ? error.details.map((d) => `${d.path}: ${d.message}`).join('; ') : error instanceof Error ? error.message : String(error);

/**
 * The balanced scorecard: its dimensions and weights (planners edit them), and every member
 * ranked by the weighted score over the project with each dimension shown; a rep finds their row marked.
 */
export function ScorecardSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('scorecard');
  const { user } = useSession();
  const client = useQueryClient();
  const config = useQuery({ queryKey: scorecardKey(project.id), queryFn: ({ signal }) => requestJson(Scorecard, 'GET', `/api/projects/${project.id}/scorecard`, undefined, signal) });
  const ranking = useQuery({
    queryKey: [...scorecardKey(project.id), 'ranking'],
    enabled: config.data?.configured === true,
    retry: (count, error) => !isNotFound(error) && count < 2,
    queryFn: ({ signal }) => requestJson(ScorecardRanking, 'GET', `/api/projects/${project.id}/scorecard/ranking`, undefined, signal),
  });

  return (
    <Card title={t('title')} testId="scorecard-section">
      {config.isError && <p className="form-error">{problemText(config.error)}</p>}
      {config.data && !config.data.configured && <p className="muted">{t('none')}</p>}
      {config.data && (project.can.editPlan || project.can.bookSpending) && (
        <DimensionsForm projectId={project.id} scorecard={config.data} label={dimensionLabel} onSaved={() => client.invalidateQueries({ queryKey: scorecardKey(project.id) })} />
      )}
      {config.data?.configured && !(project.can.editPlan || project.can.bookSpending) && (
        <p className="small muted">{config.data.dimensions.map((d) => t('weightOf', { dimension: dimensionLabel(d.key), weight: d.weightPct, cap: d.capPct })).join(' · ')}</p>
      )}
      {ranking.data && (
        <table className="table" data-testid="scorecard-ranking">
          <TableHead
            columns={[t('rank'), t('member'), { label: t('score'), num: true }, ...ranking.data.dimensions.map((d) => ({ label: t('dimensionColumn', { dimension: dimensionLabel(d.key), weight: d.weightPct }), num: true }))]}
          />
          <tbody>
            {ranking.data.entries.map((entry) => (
              <tr key={entry.memberId} className={entry.memberId === user.id ? 'row--mine' : undefined}>
                <td>{entry.rank}</td>
                <td>
                  {entry.name}
                  {entry.reportedNothing && <span className="small muted"> {t('reportedNothing')}</span>}
                </td>
                <td className="num">
                  <strong>{entry.score}</strong>
                </td>
                {entry.dimensions.map((d) => (
                  <td key={d.key} className="num" title={t('attainment', { attainment: formatPct(Math.round(d.attainmentPct * 100) / 100) })}>
                    {formatPct(Math.round(d.countedPct * 100) / 100)} · {d.points}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function DimensionsForm({ projectId, scorecard, label, onSaved }: { projectId: string; scorecard: Scorecard; label: (key: string) => string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('scorecard');
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setRows(scorecard.dimensions.map((d) => ({ key: d.key, weightPct: String(d.weightPct), capPct: String(d.capPct) })));
  }, [scorecard]);
  const total = rows.reduce((sum, row) => sum + (Number(row.weightPct) || 0), 0);
  const change = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const save = async () => {
    setError(null);
    try {
      await requestJson(Scorecard, 'PUT', `/api/projects/${projectId}/scorecard`, { dimensions: rows.map((r) => ({ key: r.key, weightPct: Number(r.weightPct), capPct: Number(r.capPct) })) });
      await onSaved();
    } catch (caught) {
      setError(problemText(caught));
    }
  };
  const remove = async () => {
    setError(null);
    try {
      await requestVoid('DELETE', `/api/projects/${projectId}/scorecard`);
      await onSaved();
    } catch (caught) {
      setError(problemText(caught));
    }
  };
  const unused = scorecard.options.filter((key) => !rows.some((r) => r.key === key));

  return (
    <form className="subform" aria-label={t('dimensions')} onSubmit={(event) => (event.preventDefault(), void save())}>
      {error && <p className="form-error" role="alert">{error}</p>}
      <table className="table">
        <TableHead columns={[t('dimension'), { label: t('weight'), num: true }, { label: t('cap'), num: true }, { label: t('remove'), hidden: true }]} />
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>{label(row.key)}</td>
              <td className="num">
                <input aria-label={t('weightFor', { dimension: label(row.key) })} inputMode="decimal" value={row.weightPct} onChange={(e) => change(index, { weightPct: e.target.value })} size={5} />
              </td>
              <td className="num">
                <input aria-label={t('capFor', { dimension: label(row.key) })} inputMode="decimal" value={row.capPct} onChange={(e) => change(index, { capPct: e.target.value })} size={5} />
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  {t('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={total === 100 ? 'small muted' : 'small form-error'}>{t('total', { total })}</p>
      <div className="form-row">
        {unused.map((key) => (
          <button key={key} type="button" className="link-button" onClick={() => setRows([...rows, { key, weightPct: '0', capPct: '100' }])}>
            {t('addDimension', { dimension: label(key) })}
          </button>
        ))}
      </div>
      <button type="submit">{t('save')}</button>{' '}
      {scorecard.configured && (
        <button type="button" className="link-button" onClick={() => void remove()}>
          {t('removeScorecard')}
        </button>
      )}
    </form>
  );
}
