import { useQuery, useQueryClient } from '@tanstack/react-query';
import { amountAsTyped } from '../shared/format';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TrainingItem } from '../../../api/contract/training';
import { trainingKinds, type TrainingKind } from '../../../workflows/domain/sales-plan/training-and-scorecard';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session-store';
import type { SalesPlanSectionProps } from '../sales-plan/sections';
import { Card } from '../shared/Card';
import { TableHead } from '../shared/TableHead';
import { TimeText } from '../shared/TimeText';
import { PersonOptions } from '../shared/PersonOptions';
import { usePeople } from '../shared/people';
import { requestJson } from '../shared/request';

const trainingKey = (projectId: string, attendee: string | null) => ['training', projectId, attendee];

/** Each problem the API names, as one line: "date: must fall within the project period …". */
const problemText = (error: unknown): string =>
  error instanceof ApiError && error.details.length > 0 ? error.details.map((d) => `${d.path}: ${d.message}`).join('; ') : error instanceof Error ? error.message : String(error);

/**
 * Training and mentoring: the items with their attendees, and what each attendee did. A planner
 * (owner, manager) sees the team's and records for anyone; a rep sees their own items and records
 * their own completion.
 */
export function TrainingSection({ project }: SalesPlanSectionProps) {
  const { t } = useTranslation('training');
  const { user } = useSession();
  const planner = project.can.editPlan || project.can.bookSpending;
  const attendee = planner ? null : user.id;
  const query = useQuery({
    queryKey: trainingKey(project.id, attendee),
    queryFn: ({ signal }) => requestJson(TrainingItem.array(), 'GET', `/api/projects/${project.id}/training${attendee ? `?attendee=${attendee}` : ''}`, undefined, signal),
  });
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const reload = () => client.invalidateQueries({ queryKey: ['training', project.id] });
  const record = async (item: TrainingItem, userId: string, body: Record<string, unknown>) => {
    setError(null);
    try {
      await requestJson(TrainingItem, 'PATCH', `/api/projects/${project.id}/training/${item.id}/attendees/${userId}`, body);
      await reload();
    } catch (caught) {
      setError(problemText(caught));
    }
  };

  return (
    <Card title={planner ? t('title') : t('mine')} testId="training-section">
      {error && <p className="form-error" role="alert">{error}</p>}
      {query.isPending && <p className="muted">{t('loading')}</p>}
      {query.isError && <p className="form-error">{problemText(query.error)}</p>}
      {query.data && query.data.length === 0 && <p className="muted">{t('empty')}</p>}
      {query.data && query.data.length > 0 && (
        <table className="table">
          <TableHead columns={[t('topic'), t('kind'), t('trainer'), t('date'), t('attendees')]} />
          <tbody>
            {query.data.map((item) => (
              <tr key={item.id} data-testid={`training-${item.id}`}>
                <td>
                  <strong>{item.topic}</strong>
                  {item.overdue && <span className="badge badge--red"> {t('overdue')}</span>}
                  {item.cost !== null && <div className="small muted">{t('cost', { cost: item.cost })}</div>}
                </td>
                <td>{t(`kinds.${item.kind}`)}</td>
                <td>{item.trainer.name}</td>
                <td>
                  <TimeText at={item.date} />
                </td>
                <td>
                  <ul className="plain-list">
                    {item.attendees
                      .filter((a) => planner || a.userId === user.id)
                      .map((a) => (
                        <li key={a.userId}>
                          {a.name}: {a.completedAt ? t('completed') : a.attended === true ? t('attended') : a.attended === false ? t('absent') : t('open')}
                          {a.score !== null && ` · ${t('score', { score: a.score })}`}{' '}
                          {planner && a.attended === null && (
                            <button type="button" className="link-button" onClick={() => void record(item, a.userId, { attended: true })}>
                              {t('markAttended')}
                            </button>
                          )}{' '}
                          {(planner || a.userId === user.id) && (
                            <button type="button" className="link-button" onClick={() => void record(item, a.userId, { completed: !a.completedAt })}>
                              {a.completedAt ? t('undoCompletion') : t('markCompleted')}
                            </button>
                          )}
                        </li>
                      ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {planner && <NewTraining projectId={project.id} onSaved={reload} />}
    </Card>
  );
}

function NewTraining({ projectId, onSaved }: { projectId: string; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('training');
  const people = usePeople();
  const [topic, setTopic] = useState('');
  const [kind, setKind] = useState<TrainingKind>('internal');
  const [trainerId, setTrainerId] = useState('');
  const [trainerName, setTrainerName] = useState('');
  const [date, setDate] = useState('');
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const [cost, setCost] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const when = date === '' ? '' : new Date(date).toISOString();
      await requestJson(TrainingItem, 'POST', `/api/projects/${projectId}/training`, {
        topic,
        kind,
        ...(trainerId ? { trainerId } : {}),
        ...(trainerName.trim() ? { trainerName: trainerName.trim() } : {}),
        date: when,
        attendeeIds,
        ...(cost.trim() ? { cost: amountAsTyped(cost) } : {}),
      });
      setTopic('');
      setAttendeeIds([]);
      await onSaved();
    } catch (caught) {
      setError(problemText(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="subform" aria-label={t('add')} onSubmit={(event) => void submit(event)}>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-row">
        <label>
          {t('topic')}
          <input value={topic} onChange={(e) => setTopic(e.target.value)} required />
        </label>
        <label>
          {t('kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as TrainingKind)}>
            {trainingKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('date')}
          <input type="datetime-local" value={date} onChange={(e) => setDate(e.target.value)} required />
        </label>
      </div>
      <div className="form-row">
        <label>
          {t('trainerUser')}
          <select value={trainerId} onChange={(e) => setTrainerId(e.target.value)}>
            <option value="">{t('noTrainerUser')}</option>
            <PersonOptions people={people} />
          </select>
        </label>
        <label>
          {t('trainerName')}
          <input value={trainerName} onChange={(e) => setTrainerName(e.target.value)} />
        </label>
        <label>
          {t('costLabel')}
          <input inputMode="decimal" value={cost} onChange={(e) => setCost(e.target.value)} />
        </label>
      </div>
      <label>
        {t('attendees')}
        <select multiple value={attendeeIds} onChange={(e) => setAttendeeIds([...e.target.selectedOptions].map((o) => o.value))}>
          <PersonOptions people={people} />
        </select>
      </label>
      <button type="submit" disabled={saving}>
        {saving ? t('saving') : t('add')}
      </button>
    </form>
  );
}
