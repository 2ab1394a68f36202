import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client';
import { Card } from '../shared/Card';
import { DoneNote } from '../shared/DoneNote';
import { forgetSharedYear, refreshCalendars, storeSharedYear, type SharedYearView } from './calendars-api';
import { sourceLabel } from './calendar-labels';
import { formatDateTime } from '../shared/time';
import { EditDay } from './EditDay';
import { Problems, problemsOf, type ProblemReport } from './Problems';
import { withDay, type DayKind } from './marked-days';
import { useSharedYear } from './use-shared-year';
import { YearDays } from './YearDays';
import type { SharedCalendarId } from '../../../workflows/domain/shared-calendars';

/** One year of a shared calendar: its days by month; for admins, a day's edit and forgetting the stored year. */
export function YearPanel({ calendarId, year, mayManage }: { calendarId: SharedCalendarId; year: number; mayManage: boolean }) {
  const { t } = useTranslation('calendars');
  const shown = useSharedYear(calendarId, year);
  const [note, setNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<ProblemReport | null>(null);

  /** Runs a change; true when it went through (the form then may clear), else its problems show here. */
  async function act(run: () => Promise<string | null>): Promise<boolean> {
    try {
      const done = await run();
      await refreshCalendars();
      setNote(done);
      setProblems(null);
      return true;
    } catch (reason) {
      setNote(null);
      setProblems(problemsOf(t, reason));
      return false;
    }
  }

  const saveDay = async (date: string, kind: DayKind | null, name: string | null) => {
    const change = await storeSharedYear(calendarId, year, withDay(shown.data ?? null, date, kind, name));
    return t('done.saved', { projects: change.rescheduling.projects });
  };
  const removeDay = (date: string) => act(() => saveDay(date, null, null));
  const forget = () =>
    act(async () => {
      if (!window.confirm(t('forget.confirm', { year }))) return null;
      await forgetSharedYear(calendarId, year);
      return t('forget.done', { year });
    });

  const data: SharedYearView | null | undefined = shown.data;
  return (
    <Card title={String(year)} testId="calendar-year">
      {shown.isPending ? (
        <p className="muted">{t('year.loading', { year })}</p>
      ) : shown.isError ? (
        <p className="error-text">{errorMessage(shown.error)}</p>
      ) : data ? (
        <>
          <p className="muted" data-testid="year-source">
            {data.updatedAt === null ? sourceLabel(t, data.source) : t('year.source', { source: sourceLabel(t, data.source), at: formatDateTime(data.updatedAt) })}
            {' · '}
            {t('year.count', { holidays: data.holidays.length, workingDays: data.workingDays.length })}
          </p>
          <YearDays year={data} onRemove={mayManage ? (date) => void removeDay(date) : undefined} />
        </>
      ) : (
        <p className="muted" data-testid="year-empty">
          {t('year.none', { year })}
        </p>
      )}
      <Problems report={problems} testId="year-problems" />
      {mayManage && (
        <>
          <EditDay year={year} table={data ?? null} onSave={(date, kind, name) => act(() => saveDay(date, kind, name))} />
          <div className="form-actions">
            {data && data.source !== 'package' && (
              <button type="button" className="button" onClick={() => void forget()} data-testid="forget-year">
                {t('forget.button', { year })}
              </button>
            )}
            <DoneNote text={note} />
          </div>
        </>
      )}
    </Card>
  );
}
