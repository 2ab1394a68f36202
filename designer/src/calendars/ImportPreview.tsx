import { useTranslation } from 'react-i18next';
import { TableHead } from '../shared/TableHead';
import { kindLabel } from './calendar-labels';
import { formatDay } from './day-format';
import type { ImportDraft } from './ImportYear';
import { yearChanges, type MarkedDay } from './marked-days';
import { useSharedYear } from './use-shared-year';
import type { SharedCalendarId } from '../../../workflows/domain/shared-calendars';

/** What importing the file would change in the year as it is now, day by day, with the buttons to import or not. */
export function ImportPreview({ calendarId, draft, importing, onConfirm, onCancel }: { calendarId: SharedCalendarId; draft: ImportDraft; importing: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('calendars');
  const now = useSharedYear(calendarId, draft.year);
  if (now.isPending) return <p className="muted">{t('year.loading', { year: draft.year })}</p>;
  const changes = yearChanges(now.data ?? null, draft.table);
  const dayText = (day: MarkedDay | null) => (day === null ? t('import.nothing') : t('import.dayOf', { kind: kindLabel(t, day.kind), name: day.name ?? t('year.unnamed') }));
  return (
    <section className="subform" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h3 id="import-preview-title">{t('import.changes', { year: draft.year })}</h3>
      {changes.length === 0 ? (
        <p className="muted">{t('import.noChanges', { year: draft.year })}</p>
      ) : (
        <>
          <p>
            {t('import.summary', {
              added: changes.filter((c) => c.before === null).length,
              changed: changes.filter((c) => c.before !== null && c.after !== null).length,
              removed: changes.filter((c) => c.after === null).length,
            })}
          </p>
          <table className="table table--compact">
            <TableHead columns={[t('year.date'), t('import.before'), t('import.after')]} />
            <tbody>
              {changes.map((change) => (
                <tr key={change.date} data-testid="import-change" data-date={change.date}>
                  <td>
                    <time dateTime={change.date}>{formatDay(change.date)}</time>
                  </td>
                  <td>{dayText(change.before)}</td>
                  <td>{dayText(change.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={importing} onClick={onConfirm} data-testid="confirm-import">
          {importing ? t('import.importing') : t('import.confirm', { year: draft.year })}
        </button>
        <button type="button" className="button" disabled={importing} onClick={onCancel}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}
